"""Accuracy of newsterm's two judgements on real, third-party labelled news data.

Runs the public API only (`newsterm.compare`, `newsterm.load`) over ../shared/eval and the
seeds' own gold file, and prints, for a development part and a held-out part of every set:

- MSRP (msrp_train.jsonl): accuracy, precision, recall, F1 of `compare(a, b).relation == "match"`.
- SummEdits news: balanced accuracy of `relation == "conflict"`, recall per edit type, recall on
  numeric_changed pairs, and the share of consistent pairs wrongly flagged.
- ECB+: per topic, every article of both subtopics is loaded together; the share of gold
  cross-document event pairs that newsterm links (any relation), and the share of links that join
  two different real events (subtopics).
- seeds: the conflicts and matches listed in bench/gold/seeds.json.
- BASIL: the precision of the conflicts shown on 180 real reports, against hand judgements in
  bench/gold/basil_conflicts.json (no public set labels cross-outlet conflicts).

The held-out part is fixed: row index % 5 == 4 for the pair sets, topic % 5 == 0 for ECB+. Tune
on dev only; held-out figures say how the engine generalises.

    python bench/accuracy.py                       # every set, both parts
    python bench/accuracy.py --set msrp --part dev # one set, one part (the machine is shared)
    python bench/accuracy.py --set summedits --errors /tmp/errors.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import newsterm

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
GOLD = ROOT / "bench" / "gold" / "seeds.json"
BASIL_JUDGED = ROOT / "bench" / "gold" / "basil_conflicts.json"
PARTS = ("dev", "held")


def _rows(name: str) -> list[dict]:
    with open(EVAL / name, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _part_of_row(index: int) -> str:
    return "held" if index % 5 == 4 else "dev"


def _part_of_topic(topic: int) -> str:
    return "held" if topic % 5 == 0 else "dev"


def _load_records(records: Iterable[dict]) -> newsterm.Corpus:
    """newsterm.load on records written as one JSON Lines pile, as a user's file would be."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pile.jsonl"
        with open(path, "w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record) + "\n")
        return newsterm.load([path])


def _ratio(num: float, den: float) -> float:
    return num / den if den else float("nan")


# ------------------------------------------------------------------------------------- MSRP


def eval_msrp(part: str, errors: list[dict]) -> dict[str, float]:
    tp = fp = tn = fn = 0
    same_claim_right = 0  # "match" or "conflict" both say: the same claim (MSRP's sense)
    for index, row in enumerate(_rows("msrp_train.jsonl")):
        if _part_of_row(index) != part:
            continue
        result = newsterm.compare(row["a"], row["b"], row.get("date_a"), row.get("date_b"))
        said, gold = result.relation == "match", row["label"] == "match"
        same_claim_right += (result.relation != "unrelated") == gold
        tp += said and gold
        fp += said and not gold
        fn += gold and not said
        tn += not said and not gold
        if said != gold:
            errors.append(
                {
                    "set": "msrp",
                    "id": row["id"],
                    "gold": row["label"],
                    "relation": result.relation,
                    "score": result.score,
                    "conflicts": [c.explanation for c in result.conflicts],
                    "a": row["a"],
                    "b": row["b"],
                }
            )
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    return {
        "pairs": tp + fp + tn + fn,
        "accuracy": _ratio(tp + tn, tp + fp + tn + fn),
        "precision": precision,
        "recall": recall,
        "f1": _ratio(2 * precision * recall, precision + recall),
        "accuracy if conflict counted as same": _ratio(same_claim_right, tp + fp + tn + fn),
    }


# -------------------------------------------------------------------------------- SummEdits


def eval_summedits(part: str, errors: list[dict]) -> dict[str, float]:
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    for index, row in enumerate(_rows("summedits_news_dev.jsonl")):
        if _part_of_row(index) != part:
            continue
        result = newsterm.compare(row["a"], row["b"])
        said, gold = result.relation == "conflict", row["label"] == "conflict"
        groups = ["conflict" if gold else "consistent"]
        if gold:
            groups += [f"edit:{kind}" for kind in row["edit_types"] or ["(none)"]]
            if row["numeric_changed"]:
                groups.append("numeric_changed")
        for group in groups:
            totals[group] += 1
            hits[group] += said
        if said != gold:
            errors.append(
                {
                    "set": "summedits",
                    "id": row["id"],
                    "gold": row["label"],
                    "edit_types": row["edit_types"],
                    "relation": result.relation,
                    "score": result.score,
                    "conflicts": [c.explanation for c in result.conflicts],
                    "a": row["a"],
                    "b": row["b"],
                }
            )
    recall = _ratio(hits["conflict"], totals["conflict"])
    flagged = _ratio(hits["consistent"], totals["consistent"])
    figures = {
        "pairs": totals["conflict"] + totals["consistent"],
        "balanced_accuracy": (recall + 1 - flagged) / 2,
        "conflict_recall": recall,
        "consistent_flagged": flagged,
        "numeric_changed_recall": _ratio(hits["numeric_changed"], totals["numeric_changed"]),
        "numeric_changed_pairs": totals["numeric_changed"],
    }
    for group in sorted(totals):
        if group.startswith("edit:"):
            figures[f"recall[{group[5:]}] (n={totals[group]})"] = hits[group] / totals[group]
    return figures


# ------------------------------------------------------------------------------------- ECB+


def _overlapping(article: newsterm.Article, start: int, end: int) -> set[str]:
    return {p.id for p in article.passages if p.start < end and start < p.end}


def eval_ecb(part: str, errors: list[dict]) -> dict[str, float]:
    clusters = _rows("ecbplus_dev_clusters.jsonl")
    by_topic: dict[int, list[dict]] = {}
    for cluster in clusters:
        by_topic.setdefault(cluster["topic"], []).append(cluster)
    gold_by_topic: dict[int, list[dict]] = {}
    doc_topic = {a["id"]: c["topic"] for c in clusters for a in c["articles"]}
    for pair in _rows("ecbplus_dev_pairs.jsonl"):
        gold_by_topic.setdefault(doc_topic[pair["doc_a"]], []).append(pair)
    found = found_strong = gold_total = unmapped = links_total = cross = 0
    strong_total = strong_cross = stories_total = stories_mixed = 0
    judged = judged_right = 0
    for topic in sorted(by_topic):
        if _part_of_topic(topic) != part:
            continue
        event: dict[str, str] = {}
        spans: dict[tuple[str, int], tuple[int, int]] = {}
        annotated: set[tuple[str, int]] = set()
        records = []
        for cluster in by_topic[topic]:
            for article in cluster["articles"]:
                event[article["id"]] = cluster["story_id"]
                offset = 0
                for sentence in article["sentences"]:
                    at = article["text"].find(sentence["text"], offset)
                    if at >= 0:
                        spans[(article["id"], sentence["id"])] = (at, at + len(sentence["text"]))
                        offset = at + len(sentence["text"])
                        if sentence.get("coref_annotated"):
                            annotated.add((article["id"], sentence["id"]))
                records.append({"id": article["id"], "text": article["text"]})
        corpus = _load_records(records)
        loaded = {article.id: article for article in corpus.articles}
        gold_here = {
            frozenset(((p["doc_a"], p["sent_a"]), (p["doc_b"], p["sent_b"])))
            for p in gold_by_topic.get(topic, [])
        }
        sentences_of = _annotated_sentences(loaded, spans, annotated)
        for story in corpus.stories:
            stories_total += 1
            stories_mixed += len({event[doc] for doc in story.article_ids}) > 1
        linked: set[frozenset[str]] = set()
        strong: set[frozenset[str]] = set()
        for link in corpus.links:
            links_total += 1
            pa, pb = corpus.passage(link.a), corpus.passage(link.b)
            linked.add(frozenset((link.a, link.b)))
            is_cross = event[pa.article_id] != event[pb.article_id]
            ends_a, ends_b = sentences_of.get(link.a, ()), sentences_of.get(link.b, ())
            if ends_a and ends_b:
                judged += 1
                judged_right += any(frozenset((x, y)) in gold_here for x in ends_a for y in ends_b)
            cross += is_cross
            if link.relation != "related":
                strong.add(frozenset((link.a, link.b)))
                strong_total += 1
                strong_cross += is_cross
        for pair in gold_by_topic.get(topic, []):
            gold_total += 1
            span_a = spans.get((pair["doc_a"], pair["sent_a"]))
            span_b = spans.get((pair["doc_b"], pair["sent_b"]))
            if span_a is None or span_b is None:
                unmapped += 1
                continue
            if pair["doc_a"] not in loaded or pair["doc_b"] not in loaded:
                unmapped += 1  # newsterm refused or merged the article (see its load errors)
                continue
            art_a, art_b = loaded[pair["doc_a"]], loaded[pair["doc_b"]]
            if not _same_offsets(art_a.text, _source_text(by_topic[topic], pair["doc_a"])) or (
                not _same_offsets(art_b.text, _source_text(by_topic[topic], pair["doc_b"]))
            ):
                unmapped += 1  # the cleaned text moved; offsets would not be trustworthy
                continue
            ids_a, ids_b = _overlapping(art_a, *span_a), _overlapping(art_b, *span_b)
            if any(frozenset((x, y)) in strong for x in ids_a for y in ids_b):
                found_strong += 1
            if any(frozenset((x, y)) in linked for x in ids_a for y in ids_b):
                found += 1
            elif len(errors) < 2000:
                errors.append(
                    {"set": "ecb", "topic": topic, "a": pair["text_a"], "b": pair["text_b"]}
                )
    return {
        "gold_pairs": gold_total,
        "unmapped_pairs": unmapped,
        "event_pair_recall": _ratio(found, gold_total),
        "links": links_total,
        "cross_event_link_share": _ratio(cross, links_total),
        # Links whose two passages both hold sentences ECB+ annotated for events: the share that
        # join two mentions of one gold event. The price paid in precision for the recall above.
        "links between annotated sentences": judged,
        "their precision (same gold event)": _ratio(judged_right, judged),
        # The same two figures counting only "match"/"conflict" links (what a reader is told is
        # the same claim), and how many of newsterm's stories put two real events together.
        "event_pair_recall (match/conflict)": _ratio(found_strong, gold_total),
        "match/conflict links": strong_total,
        "cross_event_share (match/conflict)": _ratio(strong_cross, strong_total),
        "stories": stories_total,
        "stories mixing two events": stories_mixed,
    }


def _annotated_sentences(
    loaded: dict[str, newsterm.Article],
    spans: dict[tuple[str, int], tuple[int, int]],
    annotated: set[tuple[str, int]],
) -> dict[str, list[tuple[str, int]]]:
    """Passage id -> the event-annotated gold sentences it overlaps."""
    found: dict[str, list[tuple[str, int]]] = {}
    for doc, sent in annotated:
        article = loaded.get(doc)
        if article is None or (doc, sent) not in spans:
            continue
        for passage_id in _overlapping(article, *spans[(doc, sent)]):
            found.setdefault(passage_id, []).append((doc, sent))
    return found


def _same_offsets(cleaned: str, source: str) -> bool:
    """Whether offsets into the source hold in the cleaned text: the same characters, but for
    lines of one sentence joined (a line break become a space)."""
    return len(cleaned) == len(source) and cleaned.replace("\n", " ") == source.replace("\n", " ")


def _source_text(clusters: list[dict], doc: str) -> str:
    for cluster in clusters:
        for article in cluster["articles"]:
            if article["id"] == doc:
                return article["text"]
    return ""


# ------------------------------------------------------------------------------------ seeds


def eval_seeds(part: str, errors: list[dict]) -> dict[str, float]:
    """The seeds are one small set of our own: the same figures are printed for both parts."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    corpus = newsterm.load([ROOT / "seeds"])
    passages = [p for article in corpus.articles for p in article.passages]
    links = corpus.links
    ok = 0
    for case in gold["cases"]:
        sides = [
            [p for p in passages if case[key].lower() in " ".join(p.text.split()).lower()]
            for key in ("a", "b")
        ]
        ids = [{p.id for p in side} for side in sides]
        chosen = [
            link
            for link in links
            if (link.a in ids[0] and link.b in ids[1]) or (link.a in ids[1] and link.b in ids[0])
        ]
        if case["relation"] == "conflict":
            passed = any(
                link.relation == "conflict" and any(c.kind == case["kind"] for c in link.conflicts)
                for link in chosen
            )
        else:
            passed = any(link.relation == case["relation"] for link in chosen)
        ok += passed
        if not passed:
            errors.append(
                {
                    "set": "seeds",
                    "case": case,
                    "found": [
                        (lk.relation, [c.explanation for c in lk.conflicts]) for lk in chosen
                    ],
                }
            )
    return {"cases": len(gold["cases"]), "passed": ok, "share": _ratio(ok, len(gold["cases"]))}


# ------------------------------------------------------------------------------------ BASIL


def _conflict_key(kind: str, a: str, b: str, passage_a: str, passage_b: str) -> tuple[str, ...]:
    return (kind, a, b, passage_a[:80], passage_b[:80])


def eval_basil(part: str, errors: list[dict]) -> dict[str, float]:
    """Precision of the conflicts shown on real cross-outlet reports, which no public set labels:
    every conflict newsterm shows on BASIL (180 articles, one pile) is looked up in a file of
    hand judgements (bench/gold/basil_conflicts.json). New ones are counted as unjudged and
    written to --errors, to be judged and added."""
    judged = {
        _conflict_key(r["kind"], r["a"], r["b"], r["passage_a"], r["passage_b"]): r["true"]
        for r in json.loads(BASIL_JUDGED.read_text(encoding="utf-8"))["judged"]
    }
    corpus = _load_records(
        {key: article[key] for key in ("id", "title", "text", "published")}
        for story in _rows("basil_dev.jsonl")
        for article in story["articles"]
    )
    shown = right = wrong = 0
    for link in corpus.links:
        pa, pb = corpus.passage(link.a).text, corpus.passage(link.b).text
        for conflict in link.conflicts:
            shown += 1
            verdict = judged.get(_conflict_key(conflict.kind, conflict.a, conflict.b, pa, pb))
            right += verdict is True
            wrong += verdict is False
            if verdict is None:
                errors.append(
                    {
                        "set": "basil",
                        "kind": conflict.kind,
                        "a": conflict.a,
                        "b": conflict.b,
                        "passage_a": pa,
                        "passage_b": pb,
                        "explanation": conflict.explanation,
                    }
                )
    return {
        "links": len(corpus.links),
        "conflicts shown": shown,
        "judged true": right,
        "judged false": wrong,
        "not judged yet": shown - right - wrong,
        "precision (of those judged)": _ratio(right, right + wrong),
        "true ones still shown": f"{right} of {sum(judged.values())}",
    }


SETS = {
    "msrp": eval_msrp,
    "summedits": eval_summedits,
    "ecb": eval_ecb,
    "seeds": eval_seeds,
    "basil": eval_basil,
}
ONE_PART = ("seeds", "basil")  # sets of our own judging: the same figures for both parts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", choices=sorted(SETS), dest="sets")
    parser.add_argument("--part", choices=(*PARTS, "both"), default="both")
    parser.add_argument("--errors", help="write the misjudged rows here (JSON Lines)")
    args = parser.parse_args(argv)
    parts = PARTS if args.part == "both" else (args.part,)
    errors: list[dict] = []
    for name in args.sets or list(SETS):
        for part in parts if name not in ONE_PART else ("dev",):
            started = time.perf_counter()
            figures = SETS[name](part, errors)
            label = "all" if name in ONE_PART else part
            print(f"{name:9} {label:4}  ({time.perf_counter() - started:.1f} s)")
            for key, value in figures.items():
                shown = f"{value:.3f}" if isinstance(value, float) else str(value)
                print(f"    {key:38} {shown}")
            sys.stdout.flush()
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as out:
            for row in errors:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
