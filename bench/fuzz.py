"""Fuzz campaign: hostile input files through `armsledger extract`, checked batch by batch.

    .venv/bin/python bench/fuzz.py                         # 10,000 inputs, seed 0, 2 jobs
    .venv/bin/python bench/fuzz.py --inputs 600 --seed 3 --keep /tmp/fuzz [--json] [--strict]

The inputs are made by fuzz_inputs.py (word lists, one generator per class, generate_inputs).

Classes, in equal shares; each goes through its variants in a seeded shuffled order (the files are the
same for a seed, bar the port of the local trap server written into URLs):
  bytes          random bytes, NULs, truncated UTF-8 sequences, lone 0xFF/0xC0, CESU surrogates
  encodings      a sentence in UTF-16/32 with and without BOM, latin-1, cp1252, UTF-7, UTF-8 with a
                 stray byte, a BOM in the middle, overlong sequences
  long_lines     one line of 100k-900k letters, spaces, digits or words, 20k+ quotation marks, 50k
                 parentheses; some files over the 1,000,000-character document limit
  html           scripts, malformed tags, control characters, huge attributes, bad character references,
                 <base>, XXE and XInclude of /etc/passwd, entity expansion, deep nesting, lying
                 charsets, empty bodies, comments only
  feeds          RSS/Atom/RDF with missing parts, broken markup, control characters, a stray byte, lying
                 encodings, enclosures, external entities, 0 or 500 entries
  jsonl          good lines among a lone surrogate, 5,000-deep nesting, NUL, a bad byte, non-objects,
                 non-string text, 1e999/NaN/5,000-digit numbers, blank lines, odd fields; BOM, CRLF
  scripts        Arabic, Cyrillic, CJK, Devanagari, emoji, combining and bidi marks, zero-width
                 characters, homoglyphs, digits of other scripts, mixed with cue words
  numbers_dates  4,301+-digit numbers, 400-digit amounts, 1e999, number words repeated thousands of
                 times, relative and impossible dates; batched by --published (none, 0001-01-01, 9999-12-31)
  cues           random assemblies of the words the extractors react to, 8,000 short "killed" rows,
                 header titles that look like Rich markup
  empty          empty files, whitespace only, a header without body, in every format
  markup         Rich markup, ANSI/OSC escapes and control characters in texts, titles and file names;
                 about half of its batches print the Rich summary instead of --jsonl

A batch holds inputs of one class and option set (at most --batch inputs, --heavy-batch for long_lines,
and --batch-bytes, so that only a pathological input makes it slow) and one good canary document with its
own `source: canary-NNNN`, and is one `armsledger extract --jsonl FILES` process (--jobs at once, --timeout
seconds each; --scale shrinks the long inputs for a quick run). Columns, per class:
  crashes           batches with a traceback on stderr, an exit code not 0/1/2, or a signal
  hangs             batches over --timeout: sent SIGABRT (faulthandler dumps the stack), then killed
  wrong_exit        batches that ended without crash or hang, but not with 0 (the canary was readable)
  canaries_lost     batches that ended without crash or hang and without a record for their canary
  schema_errors     stdout lines not strict JSON (NaN/Infinity refused) or not valid against
                    ../shared/spec/records.schema.json
  evidence_outside  evidence spans (of records and items) and entity offsets not within the text
  bad_errors        stderr lines of batches that did not crash that are not one `armsledger: ...` line
                    without control characters (a library's warning counts)
  internal_errors   stderr lines with code AL108: an exception caught around one document, i.e. a bug
  leaks             stdout lines with /etc/passwd lines or the trap server's answer
  fetches           HTTP requests the tool sent to the trap server
  peak_rss_mb       the largest peak resident memory of one batch process (its own ru_maxrss)
The first --isolate crashing (and hanging) batches of a class are bisected, without the canary, to the
input that crashes (hangs) alone. The examples name files under --keep DIR, where runs/batch_NNNN.json
holds each batch's command, exit code, time and peak memory beside its .out and .err. Exit status 0 (a measurement),
or 1 with --strict when any problem was found. tests/test_fuzz_campaign.py runs a small campaign.
"""
from __future__ import annotations

import argparse
import http.server
import json
import os
import random
import re
import resource
import shutil
import signal
import string
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jsonschema

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fuzz_inputs import CANARIES, CLASSES, Input, generate_inputs  # noqa: E402

SCHEMA = Path(__file__).resolve().parents[1].parent / "shared" / "spec" / "records.schema.json"
COLUMNS = ("inputs", "batches", "crashes", "hangs", "wrong_exit", "canaries_lost", "schema_errors",
           "evidence_outside", "bad_errors", "internal_errors", "leaks", "fetches", "peak_rss_mb")
PROBLEMS = COLUMNS[2:-1]


@dataclass
class Run:
    """One `armsledger` process and what it left."""
    argv: list[str]
    out: Path  # stdout and stderr go to out.out and out.err
    code: int | None = None  # exit code, or minus the signal that killed it
    hung: bool = False
    seconds: float = 0.0
    rss_mb: float = 0.0
    stdout: bytes = b""
    stderr: str = ""


@dataclass
class Batch:
    number: int
    inputs: list[Input]
    canary: Path
    position: int  # of the canary among the files
    run: Run | None = None

    @property
    def cls(self) -> str:
        return self.inputs[0].cls

    @property
    def canary_source(self) -> str:
        return f"canary-{self.number:04d}"

    def argv(self, exe: Path, inputs: list[Input] | None = None) -> list[str]:
        """The batch's command, or the command for some of its `inputs` without the canary."""
        files = [str(x.path) for x in inputs or self.inputs]
        if inputs is None:
            files.insert(self.position, str(self.canary))
        first = self.inputs[0]
        return ([str(exe), "extract"] + ["--jsonl"] * (not first.summary)
                + ["--published", first.published] * bool(first.published) + files)


def make_batches(inputs: list[Input], size: int, heavy: int, max_bytes: int, seed: int, folder: Path) -> list[Batch]:
    """Batches of inputs of one class and option set, each with a canary file of its own in `folder`."""
    rng, groups, batches = random.Random(f"{seed}-canaries"), defaultdict(list), []
    for x in inputs:
        groups[x.cls, x.published, x.summary].append(x)

    def close(chunk: list[Input]) -> None:
        canary = folder / f"canary_{len(batches):04d}.txt"
        canary.write_text(f"source: canary-{len(batches):04d}\n\n{rng.choice(CANARIES)}\n", encoding="utf-8")
        batches.append(Batch(len(batches), chunk, canary, rng.randint(0, len(chunk))))
    for (cls, _, _), members in groups.items():
        chunk, used = [], 0
        for x in members:
            nbytes = x.path.stat().st_size
            if chunk and (len(chunk) >= (heavy if cls == "long_lines" else size) or used + nbytes > max_bytes):
                close(chunk)
                chunk, used = [], 0
            chunk, used = chunk + [x], used + nbytes
        close(chunk)
    return batches


def run_all(runs: list[Run], jobs: int, timeout: float, progress: Callable[[int], None] = lambda done: None) -> None:
    """Run the processes, `jobs` at a time, each reaped with wait4 for its own peak RSS."""
    env = {**os.environ, "PYTHONFAULTHANDLER": "1"}  # a hung process dumps its Python stack on SIGABRT
    waiting, running, finished = list(runs), {}, 0
    while waiting or running:
        while waiting and len(running) < jobs:
            run = waiting.pop(0)
            with open(f"{run.out}.out", "wb") as out, open(f"{run.out}.err", "wb") as err:
                proc = subprocess.Popen(run.argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env,
                                        start_new_session=True)
            running[proc.pid] = [run, proc, time.monotonic(), None]
        time.sleep(0.05)
        for pid, (run, proc, started, aborted) in list(running.items()):
            done, status, usage = os.wait4(pid, os.WNOHANG)
            now = time.monotonic()
            if not done:  # not reaped yet, so its pid and process group are still its own
                if aborted is None and now - started > timeout:
                    run.hung, running[pid][3] = True, now
                    os.killpg(pid, signal.SIGABRT)
                elif aborted is not None and now - aborted > 5:
                    os.killpg(pid, signal.SIGKILL)
                continue
            proc.returncode = run.code = os.waitstatus_to_exitcode(status)
            run.seconds, run.rss_mb = round(now - started, 1), round(usage.ru_maxrss / 1024, 1)
            run.stdout = Path(f"{run.out}.out").read_bytes()
            run.stderr = Path(f"{run.out}.err").read_bytes().decode("utf-8", "replace")
            del running[pid]
            finished += 1
            progress(finished)


TRACEBACK = "Traceback (most recent call last)"
FRAME = re.compile(r'([\w./<>+-]+\.py)"?(?:, line |:)(\d+),? in (\w+)')
EXCEPTION = re.compile(r"^((?:\w+\.)*[A-Z]\w*(?:Error|Exception|Exit|Interrupt|Iteration|Warning)\b.*)$", re.M)
SGR = re.compile(r"\x1b\[[0-9;]*m")  # colours, in case Rich thinks stderr is a terminal
CONTROL_CHAR = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
LEAK = re.compile(rb"\b[\w-]+:x:\d+:\d+:|FUZZTRAP-BODY")


def is_crash(run: Run) -> bool:
    return not run.hung and (TRACEBACK in run.stderr or run.code not in (0, 1, 2))


def where_it_failed(stderr: str) -> str:
    """The last exception line of a traceback or faulthandler dump, then its innermost armsledger frame
    and, when the innermost frame is a library's, that one too."""
    def shown(frame: tuple[str, str, str]) -> str:
        return f"{frame[0].split('/src/')[-1].split('site-packages/')[-1]}:{frame[1]} in {frame[2]}"
    frames = FRAME.findall(stderr)
    if "most recent call first" in stderr:  # faulthandler
        frames.reverse()
    ours = [frame for frame in frames if "armsledger/" in frame[0]]
    where = shown(ours[-1]) if ours else "?"
    if frames and frames[-1] not in ours:
        where += f" -> {shown(frames[-1])}"
    exceptions = EXCEPTION.findall(stderr)
    return f"{exceptions[-1].strip()[:240]} at {where}" if exceptions else f"at {where}"


def spans_outside(data: dict) -> list[str]:
    """The evidence spans (records, items) and entity offsets of one record line outside its text."""
    n, spans = len(data["document"]["text"]), []
    for section in ("transfers", "aid", "figures", "legal_actions", "quotes"):
        for k, record in enumerate(data[section]):
            spans += [(f"{section}[{k}]", span) for span in record["evidence"]]
            spans += [(f"{section}[{k}].items[{j}]", span) for j, item in enumerate(record.get("items") or [])
                      for span in item.get("evidence") or []]
    spans += [(f"entities[{k}]", [e["start"], e["end"]]) for k, e in enumerate(data["entities"])]
    return [f"{where} {span} (text of {n} characters)" for where, span in spans if not 0 <= span[0] <= span[1] <= n]


def refuse_constant(name: str) -> None:
    raise ValueError(f"non-standard JSON constant {name}")


def check_batch(b: Batch, validator: jsonschema.Draft202012Validator) -> tuple[Counter, dict[str, list[str]]]:
    """The problems of one finished batch: counts and details by column."""
    run, counts, details = b.run, Counter(), defaultdict(list)

    def add(kind: str, detail: str, count: int = 1) -> None:
        counts[kind] += count
        details[kind].append(detail)
    first_error = next((line for line in run.stderr.splitlines() if line.strip()), "")[:300]
    crashed, summary = is_crash(run), b.inputs[0].summary
    if run.hung:
        add("hangs", f"over the timeout, {where_it_failed(run.stderr)}")
    elif crashed:
        add("crashes", where_it_failed(run.stderr) if TRACEBACK in run.stderr else f"exit {run.code}; {first_error}")
    elif run.code != 0:
        add("wrong_exit", f"exit {run.code} though the canary was readable; {first_error}")
    sources, lines = set(), run.stdout.splitlines()
    for number, raw in enumerate(lines, 1):
        if LEAK.search(raw):
            add("leaks", f"stdout line {number}: {LEAK.search(raw).group(0)!r}")
        if summary or (run.hung and number == len(lines)):  # the last line may be cut by the kill
            continue
        try:
            data = json.loads(raw.decode("utf-8"), parse_constant=refuse_constant)
        except ValueError as err:  # UnicodeDecodeError too
            add("schema_errors", f"line {number} is not strict JSON: {str(err)[:160]}")
            continue
        source = data.get("document", {}).get("source") if isinstance(data, dict) else None
        sources.add(source)
        error = next(validator.iter_errors(data), None)
        if error:
            add("schema_errors", f"{source}: {error.message[:200]} at /{'/'.join(map(str, error.absolute_path))}")
        elif outside := spans_outside(data):
            add("evidence_outside", f"{source}: {outside[0]}", len(outside))
    canary_seen = b.canary_source.encode() in run.stdout if summary else b.canary_source in sources
    if not (crashed or run.hung or canary_seen):
        add("canaries_lost", f"no record for {b.canary_source}; {first_error}")
    for line in run.stderr.splitlines():
        if "[AL108]" in line:
            add("internal_errors", line[:400])
        plain = SGR.sub("", line)
        if not (crashed or run.hung) and (not plain.startswith("armsledger:") or CONTROL_CHAR.search(plain)):
            add("bad_errors", repr(line[:200]))
    return counts, details


def isolate(b: Batch, kind: str, exe: Path, jobs: int, timeout: float, folder: Path) -> str:
    """Bisect a crashing or hanging batch, without its canary, down to the input that fails so alone
    (both halves run at once)."""
    fails, verb = (lambda run: run.hung, "hangs") if kind == "hangs" else (is_crash, "crashes")
    suspects, step = b.inputs, 0
    while len(suspects) > 1:
        halves = [suspects[:len(suspects) // 2], suspects[len(suspects) // 2:]]
        runs = [Run(b.argv(exe, half), folder / f"batch_{b.number:04d}_bisect{step}{k}")
                for k, half in enumerate(halves)]
        run_all(runs, jobs, timeout)
        failing, step = [half for half, run in zip(halves, runs) if fails(run)], step + 1
        if not failing:
            return f"{verb} only with several of " + ", ".join(repr(x.path.name) for x in suspects[:8])
        suspects = failing[0]
    return f"{verb} alone: {suspects[0].path.name!r}"


def start_trap() -> http.server.ThreadingHTTPServer:
    """A local HTTP server that the inputs' URLs point at: every request it gets is a fetch too many."""
    class Trap(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.server.hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"FUZZTRAP-BODY")
        do_HEAD = do_POST = do_GET

        def log_message(self, *args) -> None:
            pass
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Trap)
    server.hits = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def run_campaign(inputs: int = 10_000, seed: int = 0, batch: int = 50, heavy_batch: int = 2,
                 batch_bytes: int = 500_000, jobs: int = 2, timeout: float = 60.0, scale: float = 1.0,
                 keep: Path | None = None, isolate_first: int = 1, exe: Path | None = None,
                 quiet: bool = False) -> dict:
    """Generate, run and check a campaign: {"table": {class or "total": {column: n}}, "examples": {class:
    {column: [detail]}}, "crash_causes": [...], "internal_error_causes": [...], ...}.

    Raises FileNotFoundError when ../shared (the records schema) is missing."""
    if not SCHEMA.is_file():
        raise FileNotFoundError(f"{SCHEMA} is missing: the fuzz campaign needs ../shared beside the repo")
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    exe = exe or Path(sys.executable).parent / "armsledger"
    resource.setrlimit(resource.RLIMIT_CORE, (0, resource.getrlimit(resource.RLIMIT_CORE)[1]))  # SIGABRT: no core
    folder = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="armsledger-fuzz-"))
    for sub in ("inputs", "canaries", "runs"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    trap, started = start_trap(), time.monotonic()
    table = {cls: dict.fromkeys(COLUMNS, 0) for cls in CLASSES}
    examples: dict[str, dict[str, list[str]]] = defaultdict(dict)
    causes: dict[str, dict[str, dict]] = {"crashes": {}, "internal_errors": {}}

    def progress(done: int) -> None:
        if not quiet and done % 10 == 0:
            print(f"fuzz: {done}/{len(batches)} batches, {time.monotonic() - started:.0f} s", file=sys.stderr)

    def note(cls: str, kind: str, details: list[str]) -> None:
        listed = examples[cls].setdefault(kind, [])
        listed += [detail.replace(f"{folder}/", "") for detail in details[:3 - len(listed)]]

    def tally(kind: str, cause: str, cls: str) -> None:  # causes alike but for their numbers count as one
        seen = causes[kind].setdefault(re.sub(r"\d+", "N", cause), {"cause": cause, "count": 0, "classes": []})
        seen["count"] += 1
        seen["classes"] += [cls] * (cls not in seen["classes"])
    try:
        items = generate_inputs(inputs, seed, scale, folder / "inputs", f"http://127.0.0.1:{trap.server_port}")
        batches = make_batches(items, batch, heavy_batch, batch_bytes, seed, folder / "canaries")
        for b in batches:
            b.run = Run(b.argv(exe), folder / "runs" / f"batch_{b.number:04d}")
        by_size = sorted(batches, key=lambda b: -sum(x.path.stat().st_size for x in b.inputs))  # big ones first
        run_all([b.run for b in by_size], jobs, timeout, progress)
        for b in batches:  # beside its .out and .err: how to run a batch again, and what it did
            Path(f"{b.run.out}.json").write_text(json.dumps({"argv": b.run.argv, "exit": b.run.code, "hung": b.run.hung,
                                                             "seconds": b.run.seconds, "peak_rss_mb": b.run.rss_mb},
                                                            indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        for x in items:
            table[x.cls]["inputs"] += 1
        for b in batches:
            row, names = table[b.cls], [x.path.name for x in b.inputs]
            row["batches"] += 1
            row["peak_rss_mb"] = max(row["peak_rss_mb"], b.run.rss_mb)
            label = f"batch {b.number:04d} ({len(names)} files: {', '.join(map(repr, names[:3]))}"
            label += ", ...)" if len(names) > 3 else ")"
            counts, details = check_batch(b, validator)
            for kind, count in counts.items():
                row[kind] += count
                if kind == "crashes":
                    tally(kind, details[kind][0], b.cls)
                for line in details[kind] if kind == "internal_errors" else []:
                    tally(kind, line[line.find("failed while"):], b.cls)
                if kind in ("crashes", "hangs") and len(examples[b.cls].get(kind, [])) < isolate_first:
                    details[kind] = [f"{details[kind][0]}; {isolate(b, kind, exe, jobs, timeout, folder / 'runs')}"]
                note(b.cls, kind, [f"{label}: {detail}" for detail in details[kind]])
        by_tag = {f"i{x.index}": x for x in items}
        for path in trap.hits:
            x = by_tag.get(path.split("/")[1]) if path.count("/") > 1 else None
            table[x.cls if x else "html"]["fetches"] += 1
            note(x.cls if x else "html", "fetches", [f"GET {path} (input {x.path.name if x else '?'!r})"])
    finally:
        trap.shutdown()
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)
    total = {col: (max if col == "peak_rss_mb" else sum)(row[col] for row in table.values()) for col in COLUMNS}
    return {"seed": seed, "inputs": inputs, "seconds": round(time.monotonic() - started, 1),
            "folder": str(folder) if keep else None, "table": {**table, "total": total}, "examples": dict(examples),
            **{f"{kind}_causes": sorted(found.values(), key=lambda cause: -cause["count"])
               for kind, found in (("crash", causes["crashes"]), ("internal_error", causes["internal_errors"]))}}


def print_report(summary: dict) -> None:
    widths = [max(len(column), 7) for column in COLUMNS]
    print("class".ljust(14) + " ".join(column.rjust(w) for column, w in zip(COLUMNS, widths)))
    for cls, row in summary["table"].items():
        print(cls.ljust(14) + " ".join(str(row[column]).rjust(w) for column, w in zip(COLUMNS, widths)))
    print(f"\n{summary['inputs']} inputs, seed {summary['seed']}, {summary['seconds']} s; "
          + (f"files in {summary['folder']}" if summary["folder"] else "--keep DIR keeps the files"))
    for cls, kinds in summary["examples"].items():
        for kind, lines in kinds.items():
            print(f"\n[{cls}] {kind}:\n" + "\n".join(f"  - {line}" for line in lines))
    for kind, unit in (("crash", "batches"), ("internal_error", "lines")):
        if summary[f"{kind}_causes"]:
            print(f"\nDistinct {kind.replace('_', ' ')} causes:")
            for cause in summary[f"{kind}_causes"]:
                print(f"  - {cause['cause']}  ({cause['count']} {unit}: {', '.join(cause['classes'])})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--inputs", type=int, default=10_000, help="input files to generate (default 10,000)")
    ap.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    ap.add_argument("--batch", type=int, default=50, help="inputs per batch (default 50)")
    ap.add_argument("--heavy-batch", type=int, default=2, help="long_lines inputs per batch (default 2)")
    ap.add_argument("--batch-bytes", type=int, default=500_000, help="input bytes per batch (default 500,000)")
    ap.add_argument("--jobs", type=int, default=2, help="batches run at once (default 2)")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds a batch may take (default 60)")
    ap.add_argument("--scale", type=float, default=1.0, help="factor on the sizes of long inputs (default 1)")
    ap.add_argument("--isolate", type=int, default=1, help="crashing and hanging batches bisected per class (1)")
    ap.add_argument("--keep", type=Path, metavar="DIR", help="write inputs and outputs to DIR and keep them")
    ap.add_argument("--armsledger", type=Path, help="the console script (default: the one beside this Python)")
    ap.add_argument("--json", action="store_true", help="print the table, examples and causes as JSON")
    ap.add_argument("--strict", action="store_true", help="exit 1 when any problem was found")
    args = ap.parse_args(argv)
    try:
        summary = run_campaign(args.inputs, args.seed, args.batch, args.heavy_batch, args.batch_bytes, args.jobs,
                               args.timeout, args.scale, args.keep, args.isolate, args.armsledger)
    except FileNotFoundError as err:
        print(f"fuzz: {err}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(summary, indent=2, ensure_ascii=False))
    else:
        print_report(summary)
    return 1 if args.strict and any(summary["table"]["total"][kind] for kind in PROBLEMS) else 0


if __name__ == "__main__":
    sys.exit(main())
