#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""convert-bench.py: byline-cli convert against a Python equivalent.

Generates a corpus (gen-corpus.py: 10,000 documents of about 3 kB of text
and 40 annotations each, and its first 2,000 for the memory check),
converts it from Byline JSONL to every format `byline-cli convert
--list-formats` marks writable (and py_convert.py knows), with byline-cli and
with py_convert.py (Python, standard library only), and prints, for each:
the median wall time of --runs runs of each, the ratio, the target (token
formats: Byline at least 3x faster; JSON-to-JSON formats: at least as
fast), and byline-cli's peak RSS at 2,000 and 10,000 documents (streaming:
it may not grow by more than 10 %).

Both outputs are compared byte for byte (files, brat's directory, hf's
labels.json, and the loss summary on stderr): a format whose outputs differ
fails whatever its speed.

    convert-bench.py [--byline-cli PATH] [--docs 10000] [--small 2000]
                     [--runs 3] [--formats a,b] [--no-fail] [--keep]
                     [--workdir DIR] [--timeout S]

Without --byline-cli it uses $BUILDDIR (default build-bench in the source
tree), set up as a release build without the GUI if missing, and builds
byline-cli there. Exit status: 0 when every target is met, 1 when one is
missed (0 with --no-fail), and 1 whenever an output differs.
"""

import argparse
import filecmp
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))
sys.path.insert(0, HERE)
import py_convert  # noqa: E402

TOKEN_FORMATS = ('conll', 'spacy', 'hf')
ORDER = ('jsonl', 'brat', 'doccano', 'labelstudio', 'spacy', 'conll', 'hf')
TOKEN_TARGET = 3.0
JSON_TARGET = 1.0
RSS_GROWTH = 0.10
ENV = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='')


def log(*args):
    print(*args, flush=True)


def build_byline_cli():
    builddir = os.environ.get('BUILDDIR') or os.path.join(SOURCE_ROOT, 'build-bench')
    if not os.path.exists(os.path.join(builddir, 'build.ninja')):
        log('setting up %s (release, no GUI)' % builddir)
        subprocess.run(['meson', 'setup', builddir, '--buildtype=release', '-Dgui=false'],
                       cwd=SOURCE_ROOT, check=True)
    subprocess.run(['meson', 'compile', '-C', builddir, 'byline-cli'], cwd=SOURCE_ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    try:
        out = subprocess.run(['meson', 'introspect', builddir, '--buildoptions'], capture_output=True,
                             text=True, check=True).stdout
        import json
        options = {o['name']: o['value'] for o in json.loads(out)}
        if options.get('buildtype') != 'release' or options.get('b_sanitize', 'none') != 'none':
            log('warning: %s is not a plain release build (buildtype %s, sanitizers %s): times are not '
                'representative' % (builddir, options.get('buildtype'), options.get('b_sanitize')))
    except (subprocess.CalledProcessError, ValueError, OSError):
        pass
    return os.path.join(builddir, 'src', 'cli', 'byline-cli')


def writable_formats(byline_cli):
    out = subprocess.run([byline_cli, 'convert', '--list-formats'], capture_output=True, text=True,
                         check=True, env=ENV).stdout
    writable = set()
    for line in out.splitlines():
        fields = line.split()
        if len(fields) >= 3 and fields[2] == 'write':
            writable.add(fields[0])
    return writable


def corpus(workdir, n):
    """The n-document corpus, generated once per version of the generator."""
    stamp = hashlib.sha1()
    for name in ('gen-corpus.py', 'py_convert.py'):
        with open(os.path.join(HERE, name), 'rb') as f:
            stamp.update(f.read())
    path = os.path.join(workdir, 'corpus-%d-%s.jsonl' % (n, stamp.hexdigest()[:10]))
    if not os.path.exists(path):
        log('generating %s' % path)
        subprocess.run([sys.executable, os.path.join(HERE, 'gen-corpus.py'), '-n', str(n), '-o', path],
                       check=True)
    return path


def output_path(root, fmt):
    """Where a format is written: brat a directory that does not exist yet,
    hf a file in a directory of its own (labels.json goes beside it)."""
    if os.path.exists(root):
        shutil.rmtree(root)
    os.makedirs(root)
    if fmt == 'brat':
        return os.path.join(root, 'brat')
    return os.path.join(root, 'out.' + fmt)


def run(cmd, timeout):
    """Wall seconds, peak RSS in KB, CPU seconds (user + system), stderr."""
    with tempfile.NamedTemporaryFile('r', suffix='.time') as tf:
        full = ['/usr/bin/time', '-f', '%M %U %S', '-o', tf.name] + cmd
        t0 = time.perf_counter()
        proc = subprocess.run(full, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV,
                              timeout=timeout)
        wall = time.perf_counter() - t0
        lines = [line for line in open(tf.name).read().splitlines() if line.strip()]
    if proc.returncode != 0:
        raise RuntimeError('%s failed (%d):\n%s' % (' '.join(cmd), proc.returncode,
                                                    proc.stderr.decode('utf-8', 'replace')[-2000:]))
    rss, user, system = lines[-1].split()
    return wall, int(rss), float(user) + float(system), proc.stderr


def same_tree(a, b):
    """Byte-equal files, or directories with the same names and bytes.
    Returns None when equal, else what differs."""
    if os.path.isdir(a) != os.path.isdir(b):
        return '%s and %s are not both directories' % (a, b)
    if not os.path.isdir(a):
        return None if filecmp.cmp(a, b, shallow=False) else 'files %s and %s differ' % (a, b)
    names_a = sorted(os.listdir(a))
    names_b = sorted(os.listdir(b))
    if names_a != names_b:
        only = sorted(set(names_a) ^ set(names_b))
        return '%s and %s hold different files (%s…)' % (a, b, ', '.join(only[:3]))
    for name in names_a:
        why = same_tree(os.path.join(a, name), os.path.join(b, name))
        if why:
            return why
    return None


def first_difference(a, b):
    """The first differing line of two files, for the report."""
    with open(a, 'rb') as fa, open(b, 'rb') as fb:
        for n, (la, lb) in enumerate(zip(fa, fb), 1):
            if la != lb:
                k = next((i for i in range(min(len(la), len(lb))) if la[i] != lb[i]), min(len(la), len(lb)))
                return ('line %d, byte %d:\n      byline: …%r…\n      python: …%r…'
                        % (n, k, la[max(0, k - 60):k + 60], lb[max(0, k - 60):k + 60]))
    return 'one file is a prefix of the other'


class Result:
    def __init__(self, fmt):
        self.fmt = fmt
        self.byline = []
        self.python = []
        self.rss = []
        self.rss_small = []
        self.python_rss = []
        self.byline_cpu = []
        self.python_cpu = []
        self.same = None
        self.why = None


def bench_format(fmt, byline_cli, big, small, runs, workdir, timeout, keep):
    r = Result(fmt)
    out_b = os.path.join(workdir, 'out-byline')
    out_p = os.path.join(workdir, 'out-python')
    py = [sys.executable, os.path.join(HERE, 'py_convert.py')]
    err_b = err_p = b''
    for k in range(runs):
        path = output_path(out_b, fmt)
        wall, rss, cpu, err_b = run([byline_cli, 'convert', big, '-o', path, '--to', fmt], timeout)
        r.byline.append(wall)
        r.rss.append(rss)
        r.byline_cpu.append(cpu)
        path = output_path(out_p, fmt)
        wall, rss, cpu, err_p = run(py + [big, '-o', path, '--to', fmt], timeout)
        r.python.append(wall)
        r.python_rss.append(rss)
        r.python_cpu.append(cpu)
        log('  %-12s run %d: byline %6.2f s (cpu %6.2f s) %7d KB   python %7.2f s (cpu %6.2f s) %7d KB'
            % (fmt, k + 1, r.byline[-1], r.byline_cpu[-1], r.rss[-1], r.python[-1], r.python_cpu[-1],
               r.python_rss[-1]))

    # The outputs of the last runs, and what each said it could not hold
    r.why = same_tree(out_b, out_p)
    if r.why is None and err_b != err_p:
        r.why = 'stderr differs:\n    byline: %s\n    python: %s' % (
            err_b.decode('utf-8', 'replace')[:800], err_p.decode('utf-8', 'replace')[:800])
    if r.why is not None and r.why.startswith('files '):
        a, b = r.why.split(' ')[1], r.why.split(' ')[3]
        r.why += '\n    ' + first_difference(a, b)
    r.same = r.why is None

    for k in range(runs):
        path = output_path(out_b, fmt)
        _, rss, _, _ = run([byline_cli, 'convert', small, '-o', path, '--to', fmt], timeout)
        r.rss_small.append(rss)
    for src, who in ((out_b, 'byline'), (out_p, 'python')):
        dest = os.path.join(workdir, '%s-%s' % (fmt, who))
        shutil.rmtree(dest, ignore_errors=True)
        if keep or not r.same:
            os.rename(src, dest)
            if r.why is not None:
                r.why = r.why.replace(src + os.sep, dest + os.sep)
        else:
            shutil.rmtree(src, ignore_errors=True)
    return r


def load():
    return 'load average %.2f %.2f %.2f' % os.getloadavg()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--byline-cli', help='the byline-cli to time (default: build it in $BUILDDIR)')
    parser.add_argument('--docs', type=int, default=10000, help='documents in the corpus (10000)')
    parser.add_argument('--small', type=int, default=2000, help='documents for the memory check (2000)')
    parser.add_argument('--runs', type=int, default=3, help='runs of each, the median is shown (3)')
    parser.add_argument('--formats', help='only these formats, as in conll,spacy')
    parser.add_argument('--no-fail', action='store_true', help='exit 0 even when a target is missed')
    parser.add_argument('--keep', action='store_true',
                        help='keep the outputs of the last runs (those that differ are always kept)')
    parser.add_argument('--workdir', help='where the corpora and outputs go (default: a directory in $TMPDIR, '
                        'the corpora kept there between runs)')
    parser.add_argument('--timeout', type=int, default=1200, help='seconds for one conversion (1200)')
    args = parser.parse_args()

    byline_cli = os.path.abspath(args.byline_cli) if args.byline_cli else build_byline_cli()
    workdir = args.workdir or os.path.join(tempfile.gettempdir(), 'byline-convert-bench')
    os.makedirs(workdir, exist_ok=True)

    writable = writable_formats(byline_cli)
    wanted = args.formats.split(',') if args.formats else ORDER
    formats = [f for f in ORDER if f in wanted and f in writable and f in py_convert.WRITERS]
    skipped = [f for f in wanted if f not in formats]
    if skipped:
        log('not benchmarked (not writable by byline-cli, or unknown): %s' % ', '.join(skipped))

    big = corpus(workdir, args.docs)
    small = corpus(workdir, args.small)
    load_before = load()
    log('byline-cli: %s' % byline_cli)
    log('corpus: %s (%.1f MB), %s; %s' % (os.path.basename(big), os.path.getsize(big) / 1e6,
                                          os.path.basename(small), load_before))

    # Outputs go to a directory of this run's own: two runs may share the corpora
    rundir = tempfile.mkdtemp(prefix='run-', dir=workdir)
    results = []
    for fmt in formats:
        results.append(bench_format(fmt, byline_cli, big, small, args.runs, rundir, args.timeout, args.keep))
    load_after = load()

    missed = 0
    wrong = 0
    log('')
    log('%d documents, median of %d runs; before: %s, after: %s' % (args.docs, args.runs, load_before, load_after))
    def docs(n):
        return '%dk' % (n // 1000) if n % 1000 == 0 else str(n)
    header = ('format', 'byline s', 'python s', 'ratio', 'target', 'speed', 'RSS ' + docs(args.small),
              'RSS ' + docs(args.docs), 'growth', 'memory', 'output')
    log('%-12s %9s %9s %7s %7s %6s %9s %9s %7s %7s %s' % header)
    for r in results:
        b = statistics.median(r.byline)
        p = statistics.median(r.python)
        ratio = p / b if b > 0 else float('inf')
        target = TOKEN_TARGET if r.fmt in TOKEN_FORMATS else JSON_TARGET
        speed_ok = ratio >= target
        rss_small = statistics.median(r.rss_small)
        rss_big = statistics.median(r.rss)
        growth = rss_big / rss_small - 1
        memory_ok = growth <= RSS_GROWTH
        missed += (not speed_ok) + (not memory_ok)
        wrong += not r.same
        log('%-12s %9.2f %9.2f %6.2fx %6s %6s %7.1f MB %7.1f MB %+6.1f%% %7s %s'
            % (r.fmt, b, p, ratio, '>=%gx' % target, 'PASS' if speed_ok else 'FAIL', rss_small / 1024,
               rss_big / 1024, 100 * growth, 'PASS' if memory_ok else 'FAIL',
               'identical' if r.same else 'DIFFERENT'))
    log('')
    log('CPU time (user + system), median of %d runs, for information: steadier than wall time on a busy'
        % args.runs)
    log('machine, but blind to waiting for the disk (fsync)')
    log('%-12s %9s %9s %7s' % ('format', 'byline s', 'python s', 'ratio'))
    for r in results:
        b = statistics.median(r.byline_cpu)
        p = statistics.median(r.python_cpu)
        log('%-12s %9.2f %9.2f %6.2fx' % (r.fmt, b, p, p / b if b > 0 else float('inf')))
    for r in results:
        if not r.same:
            log('\n%s: byline-cli and py_convert.py disagree: %s' % (r.fmt, r.why))
    log('')
    if wrong:
        log('%d format(s) with different outputs: their times mean nothing' % wrong)
    if missed:
        log('%d target(s) missed' % missed)
    if not wrong and not missed:
        log('all targets met, all outputs identical')
    if args.keep or wrong:
        log('outputs kept in %s (FORMAT-byline, FORMAT-python)' % rundir)
    else:
        shutil.rmtree(rundir, ignore_errors=True)
    if wrong:
        return 1
    if missed and not args.no_fail:
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
