"""Write the texts annotators read: one plain-text file per batch, outside git.

    python data/annotations/prepare.py          # work/batches/<batch>.txt and work/second/<batch>.txt

Each file holds the batch's documents in order, each with its id, date and
outlet, then the text exactly as relata reads it (headline first). The texts
stay in ``work/`` (git-ignored): only ids, codes and short quotes are committed.
Second-pass batches (``pNN``) hold the second-pass documents, 20 to a batch;
their annotators never see the first pass.
"""

from __future__ import annotations

from common import WORK, corpora_dir, draw

from relata.annotations import article_text, corpus_documents

SECOND_BATCH = 20


def render(doc: dict, k: int, n: int) -> str:
    head = (
        f"=== DOCUMENT {k} of {n} | id: {doc['id']} | published: {doc.get('published') or 'unknown'}"
        f" | outlet: {doc.get('outlet') or 'unknown'}"
    )
    return f"{head}\n\n{article_text(doc)}\n\n=== END OF {doc['id']}\n"


def write(folder: str, batches: dict[str, list[str]], docs: dict[str, dict]) -> None:
    out = WORK / folder
    out.mkdir(parents=True, exist_ok=True)
    for name, ids in batches.items():
        parts = [render(docs[i], k, len(ids)) for k, i in enumerate(ids, 1)]
        (out / f"{name}.txt").write_text("\n".join(parts), encoding="utf-8")
        (out / f"{name}.ids").write_text("\n".join(ids) + "\n", encoding="utf-8")


def main() -> None:
    d = draw()
    docs = corpus_documents(corpora_dir(), [x["id"] for x in d["documents"]])
    first: dict[str, list[str]] = {}
    for x in d["documents"]:
        first.setdefault(x["batch"], []).append(x["id"])
    write("batches", first, docs)
    order = [x["id"] for x in d["documents"] if x["id"] in set(d["second_pass"])]
    second = {f"p{k // SECOND_BATCH + 1:02d}": order[k : k + SECOND_BATCH] for k in range(0, len(order), SECOND_BATCH)}
    write("second", second, docs)
    print(f"{len(first)} first-pass batches, {len(second)} second-pass batches in {WORK}")


if __name__ == "__main__":
    main()
