"""Reading level of every visitor string, screen by screen.

Groups the keys of a locale file by the screen that shows them, builds each
screen's text (every string a sentence, placeholders filled with sample
values, the "they" wording as a second variant) and scores it with textstat:
English by the Flesch-Kincaid grade (fails above --max-grade), Spanish by
the Fernandez-Huerta readability (fails below --min-score).

    python scripts/readability.py locales/en.json --max-grade 8
    python scripts/readability.py locales/es.json --lang es --min-score 70
"""

import argparse
import json
import re
import sys

import textstat

SAMPLE = {"n": "3", "total": "12", "hours": "9", "days": "3", "min": "9", "max": "19",
          "dmin": "3", "dmax": "5", "day": "Monday", "start": "6 pm", "end": "9 pm",
          "count": "3", "level": "Outpatient care", "center": "Riverside Recovery",
          "h": "6", "m": "30"}

# Which screen shows which keys (first match wins).
SCREENS = [
    ("start", ["bar.", "start.", "app.", "lang.", "exit.", "noscript.", "help.language"]),
    ("crisis", ["crisis."]),
    ("result: level and first step", ["result.", "level.", "first."]),
    ("result: week and months ahead", ["week.", "phase.", "day.", "day_short.", "time.", "num."]),
    ("result: fit, why and next steps", ["life.", "why.", "dim.", "reason.", "steps.", "flag.", "contact.", "skipped.", "code."]),
    ("result: actions and referral", ["refer.", "action.", "summary."]),
    ("result: paying and the call", ["pay.", "ready.", "sms."]),
]


def sentence(text):
    text = re.sub(r"\{(\w+)\}", lambda m: SAMPLE.get(m.group(1), m.group(1)), text).strip()
    return text if text[-1:] in ".?!:" else text + "."


def screens(strings):
    """Screen name -> list of texts, one list per wording variant."""
    out = {}
    questions = sorted({k.split(".")[1] for k in strings if k.startswith("q.")})
    nav = [k for k in strings if k.startswith("nav.")]
    for q in questions:
        out[f"question: {q}"] = [k for k in strings if k.startswith(f"q.{q}.")] + nav
    for name, prefixes in SCREENS:
        out[name] = [k for k in strings if any(k.startswith(p) for p in prefixes)]
    claimed = {k for keys in out.values() for k in keys}
    left = [k for k in strings if k not in claimed]
    if left:
        sys.exit(f"readability: keys not assigned to a screen: {left}")
    return out


def variant(strings, keys, other):
    chosen = []
    for k in keys:
        if k.endswith(".they"):
            continue
        text = strings.get(k + ".they", strings[k]) if other else strings[k]
        chosen.append(sentence(text))
    return " ".join(chosen)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("locale")
    ap.add_argument("--max-grade", type=float, default=8.0)
    ap.add_argument("--lang", default="en")
    ap.add_argument("--min-score", type=float, default=70.0)
    args = ap.parse_args()
    strings = json.load(open(args.locale, encoding="utf-8"))
    textstat.set_lang(args.lang)
    spanish = args.lang == "es"
    if spanish:
        score, label = textstat.fernandez_huerta, f"Fernandez-Huerta, min {args.min_score:g}"
        bad = lambda scores: min(scores) < args.min_score
    else:
        score, label = textstat.flesch_kincaid_grade, f"Flesch-Kincaid grade, max {args.max_grade:g}"
        bad = lambda scores: max(scores) > args.max_grade
    failures, all_scores = [], []
    print(f"{'screen':45} {'self':>6} {'other':>6}  ({label})")
    for name, keys in screens(strings).items():
        scores = [score(variant(strings, keys, o)) for o in (False, True)]
        all_scores.extend(scores)
        mark = ""
        if bad(scores):
            failures.append(name)
            mark = "  <-- past the limit"
        print(f"{name:45} {scores[0]:6.1f} {scores[1]:6.1f}{mark}")
    if spanish:
        print(f"lowest Fernandez-Huerta score: {min(all_scores):.1f}")
    else:
        print(f"highest grade: {max(all_scores):.1f}")
    if failures:
        sys.exit(f"readability: past the limit: {', '.join(failures)}")


if __name__ == "__main__":
    main()
