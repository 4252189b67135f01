"""What each trained model decides, and how annotations label its candidates.

Two models (denials stay with the rules: 75 annotated denials are too few to
learn from, see the training report):

- ``pairs``, for a pair of actors in a sentence (ENTA occurs first): the
  relation types that hold, each asymmetric type in both directions
  (``visit:AB`` is ENTA's visit to ENTB), with the status of the event
  (``status:...``), and the areas of cooperation (``area:...``) with theirs
  (``cstatus:...``). One model for both tables: they read the same
  candidates, and what helps one (who meets whom) helps the other;
- ``sanctions``: for a (sender, target) candidate of a sentence that speaks of
  sanctions (ENTA the sender, ENTB the target; no ENTA for an unstated
  sender; ``ENTART`` for a sender named elsewhere in the article), the
  actions said of the sanctions.

Labels the annotation leaves open (optional items, every reading of an
``any_of``) are missing values, neither positive nor negative.
"""

from __future__ import annotations

from relata.schemas import vocabularies as v

RELATION_LABELS: tuple[str, ...] = tuple(
    lbl for t in v.RELATION_TYPES for lbl in ((t,) if t in v.SYMMETRIC_RELATION_TYPES else (f"{t}:AB", f"{t}:BA"))
)
# What the pairs model learns: the type, and apart from it the direction of the asymmetric types
# ("dir:AB": ENTA acts toward ENTB). Factorised, each type learns from every example of it, and the
# direction (mostly: who is the subject) from every asymmetric example of every type.
RELATION_TYPE_LABELS: tuple[str, ...] = tuple(f"type:{t}" for t in v.RELATION_TYPES)
DIRECTION_LABELS: tuple[str, ...] = ("dir:AB", "dir:BA")
RELATION_STATUSES = tuple(f"status:{s}" for s in v.RELATION_STATUSES)
COOPERATION_LABELS = tuple(f"area:{a}" for a in v.COOPERATION_AREAS)
COOPERATION_STATUSES = tuple(f"cstatus:{s}" for s in v.COOPERATION_STATUSES)
SANCTION_LABELS = v.SANCTION_ACTIONS
NO_SENDER = ""  # the sanctions candidate with no sender in view

# Per model: its labels (one textcat_multilabel; the status labels among them).
TASKS: dict[str, dict] = {
    "pairs": {
        "labels": RELATION_TYPE_LABELS
        + DIRECTION_LABELS
        + COOPERATION_LABELS
        + RELATION_STATUSES
        + COOPERATION_STATUSES
    },
    "sanctions": {"labels": SANCTION_LABELS},
}


def relation_label(rtype: str, source: str, target: str, a: str, b: str) -> str | None:
    """The label of a relation item on the candidate (a, b), or None if the item is not about this pair."""
    if {source, target} != {a, b}:
        return None
    if rtype in v.SYMMETRIC_RELATION_TYPES:
        return rtype
    return f"{rtype}:AB" if (source, target) == (a, b) else f"{rtype}:BA"


def relation_of_label(label: str, a: str, b: str) -> tuple[str, str, str]:
    """(source, target, type) of a relations label on the candidate (a, b); symmetric pairs sorted."""
    if ":" not in label:
        s, t = sorted((a, b))
        return s, t, label
    rtype, d = label.split(":")
    return (a, b, rtype) if d == "AB" else (b, a, rtype)


def factorised(cats: dict[str, float]) -> dict[str, float]:
    """The pairs model's labels of an example labelled with RELATION_LABELS (as the annotations give them)."""
    out = {k: x for k, x in cats.items() if k.split(":")[0] not in v.RELATION_TYPES}
    directions: dict[str, float] = {}
    for rtype in v.RELATION_TYPES:
        labels = [rtype] if rtype in v.SYMMETRIC_RELATION_TYPES else [f"{rtype}:AB", f"{rtype}:BA"]
        present = [cats[lbl] for lbl in labels if lbl in cats]
        if len(present) == len(labels):
            out[f"type:{rtype}"] = max(present)
        elif any(x == 1.0 for x in present):
            out[f"type:{rtype}"] = 1.0  # one direction stated, the other left open: the type holds
        for lbl in labels if len(labels) == 2 else []:
            if cats.get(lbl) == 1.0:
                directions[f"dir:{lbl.split(':')[1]}"] = 1.0
    if directions:
        out |= {d: directions.get(d, 0.0) for d in DIRECTION_LABELS}
    return out
