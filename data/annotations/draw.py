"""Draw the training corpus: a seeded sample of corpus documents to annotate.

Run from the project root (needs ``../shared/corpora`` or ``RELATA_CORPORA``)::

    python data/annotations/draw.py            # the committed first round + the second -> draw.json
    python data/annotations/draw.py --first-round   # the first round drawn again (today's lexicons)

What is drawn, and why:

- 1,000 full articles from ``whenitson_2016.jsonl`` (550) and
  ``sea_china_media_2023_2024.jsonl`` (450). 82% name two or more states (a
  relation needs two actors), drawn with a weight that grows with the number
  of states named and doubles for the corpus's own IR keyword subset; 18%
  name at most one state, drawn uniformly, because a model must also learn
  what a sentence without a relation looks like.
- 520 short items from ``agnews_test.jsonl`` (headline plus one or two
  sentences, news of 2004 on every subject): 60% naming two or more actors,
  25% naming one, 15% naming none.
- A second, independent annotation pass over 160 of them (120 full articles,
  40 short items) to measure agreement.
- A targeted draw, because the first 1,520 fell short of sanctions that are
  extended, eased, lifted or violated, and of denials (the issue asks for
  every sanction action and denials of four claim types): every remaining
  full article and AG News item whose text puts such an action next to
  "sanction", and a seeded sample of the remaining ones that deny an
  accusation (``TARGETED``), in batches ``t001``... They keep every exclusion
  above and come after the main draw, so it is unchanged by them.

Never drawn: an id of the reserved test split (``splits.json``), an article of
the dev set (``tests/dev_gold/devset.json``: the untouched yardstick), or a
document whose normalised text repeats one already drawn, reserved or in the
dev set (AG News is not deduplicated).

The actor scan is deliberately cheap: whole-word matches of the country names,
demonyms and capitals in ``extractors/lexicons`` plus pycountry's names. It
only steers the draw; annotators read every document in full.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import os
import random
import re
import sys
from pathlib import Path

SEED = 20261202
ROOT = Path(__file__).resolve().parents[2]
LEXICONS = ROOT / "relata" / "lexicons"
if not LEXICONS.is_dir():  # the layout before the package move
    LEXICONS = ROOT / "extractors" / "lexicons"

FULL = {"whenitson_2016.jsonl": 550, "sea_china_media_2023_2024.jsonl": 450}
FULL_FEW_STATES_SHARE = 0.18
SHORT_CORPUS = "agnews_test.jsonl"
SHORT = 520
SHORT_SHARES = {"two_or_more": 0.60, "one": 0.25, "none": 0.15}
SECOND_PASS = {"full": 120, "short": 40}
# The targeted draw: sanction actions next to the word, and denials of an accusation.
SANCTION_ACTION = re.compile(
    r"\b(lift(ed|ing|s)?|eas(e|ed|ing)|extend(ed|s|ing)?|renew(ed|s)?|prolong\w*|violat\w*|evad\w*|evasion|"
    r"circumvent\w*|tighten\w*)\b[^.]{0,80}sanction|sanction[^.]{0,80}\b(lift(ed|ing)?|eas(e|ed|ing)|"
    r"extend(ed|s|ing)?|renew(ed|s)?|violat\w*|evad\w*|evasion|circumvent\w*|tighten\w*)",
    re.IGNORECASE,
)
DENIAL = re.compile(
    r"\b(den(y|ied|ies)|dismiss(ed|es)? (the )?(claims?|allegations?|accusations?|reports?)|"
    r"rejected (the )?(claims?|allegations?|accusations?))\b",
    re.IGNORECASE,
)
ACCUSATION = re.compile(r"accus|alleg|claim", re.IGNORECASE)
TARGETED = {"full_denials": 60}
# The second round (2026-12-06): more full articles for the models to learn from (the first 1,655 gave the
# rarer relation types a few dozen examples each), drawn as the main draw was, from what no draw took.
ROUND2_SEED = 20261206
ROUND2 = {"whenitson_2016.jsonl": 200, "sea_china_media_2023_2024.jsonl": 200}
ROUND2_SECOND_PASS = 40
FULL_BATCH = 20
SHORT_BATCH = 40


def corpora_dir() -> Path:
    env = os.environ.get("RELATA_CORPORA")
    return Path(env) if env else ROOT.parent / "shared" / "corpora"


def _rows(path: Path, column: str) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8") as fh:
        reader = csv.DictReader(line for line in fh if not line.startswith("#"))
        return [(r["code"], r[column]) for r in reader if r.get(column)]


def actor_patterns() -> tuple[re.Pattern, dict[str, str], set[str]]:
    """One regex over every state name, and the map from a lowered name to its code."""
    import pycountry  # a project dependency

    excluded = {c for c, _ in _rows(LEXICONS / "countries_excluded.csv", "reason")}
    names: dict[str, str] = {}
    for c in pycountry.countries:
        if c.alpha_3 in excluded:
            continue
        for attr in ("name", "common_name", "official_name"):
            if getattr(c, attr, None):
                names[getattr(c, attr).lower()] = c.alpha_3
    for file, column in (("countries.csv", "alias"), ("demonyms.csv", "demonym"), ("capitals.csv", "capital")):
        for code, name in _rows(LEXICONS / file, column):
            names[name.lower()] = code
    orgs = {name.lower(): code for code, name in _rows(LEXICONS / "organizations.csv", "name")}
    every = sorted({**names, **orgs}, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w.])(" + "|".join(re.escape(n) for n in every) + r")(?![\w])", re.IGNORECASE)
    return pattern, {**names, **orgs}, set(orgs.values())


def scan(text: str, pattern: re.Pattern, codes: dict[str, str], orgs: set[str]) -> tuple[int, int]:
    """(states named, organisations named) in a text."""
    found = {codes[m.group(1).lower()] for m in pattern.finditer(text)}
    return len(found - orgs), len(found & orgs)


def text_key(doc: dict) -> str:
    norm = re.sub(r"\W+", " ", f"{doc.get('title') or ''} {doc.get('text') or ''}".lower()).strip()
    return hashlib.sha1(norm.encode()).hexdigest()


def weighted_sample(rng: random.Random, items: list[tuple[str, float]], k: int) -> list[str]:
    """k distinct items drawn with probability proportional to weight (Efraimidis-Spirakis)."""
    keyed = sorted(((math.log(rng.random()) / w, i) for i, w in items), reverse=True)
    return [i for _, i in keyed[:k]]


def read_corpora(root: Path) -> dict[str, dict[str, dict]]:
    """Every document of the drawn corpora, by corpus file and id."""
    docs: dict[str, dict[str, dict]] = {}
    for corpus in [*FULL, SHORT_CORPUS]:
        with (root / corpus).open(encoding="utf-8") as fh:
            docs[corpus] = {d["id"]: d for d in map(json.loads, filter(str.strip, fh))}
    return docs


def ir_subset_ids(root: Path) -> set[str]:
    """The corpora's own IR keyword subset (doubled weight in a draw)."""
    return {i for ids in json.loads((root / "ir_subset_ids.json").read_text()).values() for i in ids}


def take_distinct(
    docs: dict[str, dict], corpus: str, ids: list[str], group: str, n: int, states: dict[str, int], taken: set[str]
) -> list[dict]:
    """The first ``n`` of ``ids`` (in their drawn order) whose text no document taken before repeats; each
    one's text joins ``taken``."""
    out: list[dict] = []
    for i in ids:
        if len(out) == n:
            break
        key = text_key(docs[i])
        if key in taken:
            continue
        taken.add(key)
        out.append({"corpus": corpus, "id": i, "group": group, "states": states[i]})
    if len(out) < n:
        raise SystemExit(f"{corpus}: only {len(out)} of {n} documents for {group}")
    return out


def reserved_ids(root: Path) -> tuple[set[str], set[str]]:
    test = {i for ids in json.loads((root / "splits.json").read_text())["test"].values() for i in ids}
    dev_path = ROOT / "tests" / "dev_gold" / "devset.json"
    dev = json.loads(dev_path.read_text())
    dev_ids = {d["id"] for d in dev["ir"] + dev["non_ir"]}
    return test, dev_ids


def draw(root: Path) -> dict:
    rng = random.Random(SEED)
    pattern, codes, orgs = actor_patterns()
    test, dev = reserved_ids(root)
    ir_subset = ir_subset_ids(root)

    docs = read_corpora(root)
    # Texts already taken: the reserved and dev documents, then every drawn one.
    taken = {text_key(d) for c in docs.values() for i, d in c.items() if i in test or i in dev}

    def eligible(corpus: str) -> list[str]:
        return sorted(i for i in docs[corpus] if i not in test and i not in dev)

    drawn: list[dict] = []

    def take(corpus: str, ids: list[str], group: str, n: int, states: dict[str, int]) -> None:
        drawn.extend(take_distinct(docs[corpus], corpus, ids, group, n, states, taken))

    for corpus, n in FULL.items():
        ids = eligible(corpus)
        counts = {
            i: scan(f"{docs[corpus][i]['title'] or ''}\n{docs[corpus][i]['text']}", pattern, codes, orgs) for i in ids
        }
        states = {i: s for i, (s, _) in counts.items()}
        few = [i for i in ids if states[i] <= 1]
        many = [i for i in ids if states[i] >= 2]
        n_few = round(n * FULL_FEW_STATES_SHARE)
        # Weighted draw over a shuffled pool so ties break by the seed, not by id order.
        weights = [(i, min(states[i], 6) * (2.0 if i in ir_subset else 1.0)) for i in many]
        take(corpus, weighted_sample(rng, weights, len(weights)), "two_or_more_states", n - n_few, states)
        take(corpus, rng.sample(few, len(few)), "at_most_one_state", n_few, states)

    ids = eligible(SHORT_CORPUS)
    counts = {
        i: scan(f"{docs[SHORT_CORPUS][i]['title'] or ''}\n{docs[SHORT_CORPUS][i]['text']}", pattern, codes, orgs)
        for i in ids
    }
    states = {i: s for i, (s, _) in counts.items()}
    actors = {i: s + o for i, (s, o) in counts.items()}
    pools = {
        "two_or_more": [i for i in ids if actors[i] >= 2 and states[i] >= 1],
        "one": [i for i in ids if actors[i] == 1],
        "none": [i for i in ids if actors[i] == 0],
    }
    for group, share in SHORT_SHARES.items():
        pool = pools[group]
        take(SHORT_CORPUS, rng.sample(pool, len(pool)), f"short_{group}", round(SHORT * share), states)

    # Batches: full articles and short items apart (an annotator's batch is of one kind), shuffled.
    full = [d for d in drawn if d["corpus"] != SHORT_CORPUS]
    short = [d for d in drawn if d["corpus"] == SHORT_CORPUS]
    rng.shuffle(full)
    rng.shuffle(short)
    for k, d in enumerate(full):
        d["batch"] = f"f{k // FULL_BATCH + 1:03d}"
    for k, d in enumerate(short):
        d["batch"] = f"s{k // SHORT_BATCH + 1:03d}"
    second = rng.sample([d["id"] for d in full], SECOND_PASS["full"]) + rng.sample(
        [d["id"] for d in short], SECOND_PASS["short"]
    )
    targeted = _targeted(rng, docs, test | dev, taken, {d["id"] for d in drawn})
    every = full + short + targeted
    assert not {d["id"] for d in every} & (test | dev), "a reserved or dev id was drawn"
    assert len({d["id"] for d in every}) == len(every), "a document was drawn twice"
    return {"seed": SEED, "documents": every, "second_pass": sorted(second)}


def draw_round2(root: Path, first: dict) -> dict:
    """The committed first round (``first``, draw.json as annotated) with the second round added.

    The first round is kept as committed, not drawn again: the actor scan reads the lexicons, which
    have grown since 2026-12-02, so drawing it now would pick other documents than those annotated.
    The second round is reproducible from the first and the lexicons of its commit."""
    pattern, codes, orgs = actor_patterns()
    test, dev = reserved_ids(root)
    kept = [d for d in first["documents"] if not d["group"].startswith("round2")]
    kept_ids = {d["id"] for d in kept}
    docs = read_corpora(root)
    taken = {text_key(d) for c in docs.values() for i, d in c.items() if i in test or i in dev or i in kept_ids}
    round2, second2 = _round2(root, docs, test | dev, taken, kept_ids, pattern, codes, orgs)
    every = kept + round2
    assert not {d["id"] for d in every} & (test | dev), "a reserved or dev id was drawn"
    assert len({d["id"] for d in every}) == len(every), "a document was drawn twice"
    second = [i for i in first["second_pass"] if i in kept_ids]
    return {
        "seed": first["seed"],
        "round2_seed": ROUND2_SEED,
        "documents": every,
        "second_pass": second + sorted(second2),
    }


def _round2(
    root: Path,
    docs: dict[str, dict[str, dict]],
    reserved: set[str],
    taken: set[str],
    drawn: set[str],
    pattern: re.Pattern,
    codes: dict[str, str],
    orgs: set[str],
) -> tuple[list[dict], list[str]]:
    """The second round: full articles as the main draw takes them (two or more states weighted by how
    many, the IR subset doubled, 18% naming at most one), with a seed of its own so that the first
    round is unchanged; batches ``g001``...; 40 of them for a second pass (``p09``, ``p10``)."""
    rng = random.Random(ROUND2_SEED)
    ir_subset = ir_subset_ids(root)
    picked: list[dict] = []
    for corpus, n in ROUND2.items():
        ids = sorted(i for i in docs[corpus] if i not in reserved and i not in drawn)
        states = {
            i: scan(f"{docs[corpus][i]['title'] or ''}\n{docs[corpus][i]['text']}", pattern, codes, orgs)[0]
            for i in ids
        }
        few = [i for i in ids if states[i] <= 1]
        many = [i for i in ids if states[i] >= 2]
        n_few = round(n * FULL_FEW_STATES_SHARE)
        weights = [(i, min(states[i], 6) * (2.0 if i in ir_subset else 1.0)) for i in many]
        for group, pool, k in (
            ("round2_two_or_more_states", weighted_sample(rng, weights, len(weights)), n - n_few),
            ("round2_at_most_one_state", rng.sample(few, len(few)), n_few),
        ):
            picked.extend(take_distinct(docs[corpus], corpus, pool, group, k, states, taken))
    rng.shuffle(picked)
    for k, d in enumerate(picked):
        d["batch"] = f"g{k // FULL_BATCH + 1:03d}"
    second = rng.sample([d["id"] for d in picked], ROUND2_SECOND_PASS)
    return picked, second


def _targeted(
    rng: random.Random, docs: dict[str, dict[str, dict]], reserved: set[str], taken: set[str], drawn: set[str]
) -> list[dict]:
    """Documents for the kinds the main draw fell short of (sanction actions, denials)."""

    def text(d: dict) -> str:
        return f"{d.get('title') or ''}\n{d.get('text') or ''}"

    picked: list[dict] = []

    def add(corpus: str, ids: list[str], group: str) -> None:
        for i in ids:
            key = text_key(docs[corpus][i])
            if key not in taken:
                taken.add(key)
                picked.append({"corpus": corpus, "id": i, "group": group, "states": None})

    free = {c: sorted(i for i in docs[c] if i not in reserved and i not in drawn) for c in docs}
    for corpus in [*FULL, SHORT_CORPUS]:
        add(
            corpus,
            [
                i
                for i in free[corpus]
                if SANCTION_ACTION.search(text(docs[corpus][i]))
                or (corpus == SHORT_CORPUS and "sanction" in text(docs[corpus][i]).lower())
            ],
            "targeted_sanctions",
        )
    pool = [
        (c, i)
        for c in FULL
        for i in free[c]
        if DENIAL.search(text(docs[c][i]))
        and ACCUSATION.search(text(docs[c][i]))
        and i not in {d["id"] for d in picked}
    ]
    for c, i in rng.sample(pool, min(TARGETED["full_denials"], len(pool))):
        add(c, [i], "targeted_denials")
    add(
        SHORT_CORPUS,
        [
            i
            for i in free[SHORT_CORPUS]
            if DENIAL.search(text(docs[SHORT_CORPUS][i])) and i not in {d["id"] for d in picked}
        ],
        "targeted_denials",
    )
    full = [d for d in picked if d["corpus"] != SHORT_CORPUS]
    short = [d for d in picked if d["corpus"] == SHORT_CORPUS]
    for k, d in enumerate(full + short):
        d["batch"] = f"t{k // FULL_BATCH + 1:03d}"
    return full + short


def main() -> None:
    out = Path(__file__).resolve().parent / "draw.json"
    if "--first-round" in sys.argv[1:]:
        result = draw(corpora_dir())  # the first round alone, drawn again with today's lexicons
    else:
        result = draw_round2(corpora_dir(), json.loads(out.read_text(encoding="utf-8")))
    out.write_text(json.dumps(result, indent=0) + "\n", encoding="utf-8")
    groups: dict[str, int] = {}
    for d in result["documents"]:
        groups[f"{d['corpus']}:{d['group']}"] = groups.get(f"{d['corpus']}:{d['group']}", 0) + 1
    json.dump(groups, sys.stdout, indent=1)
    print(f"\n{len(result['documents'])} documents, {len(result['second_pass'])} for the second pass -> {out}")


if __name__ == "__main__":
    main()
