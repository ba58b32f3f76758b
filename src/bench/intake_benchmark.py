#!/usr/bin/env python3
"""End-to-end intake benchmark: SMTP accept -> committed ticket, on the embedded run.

Starts the packaged gateway (embedded MariaDB and GreenMail, fresh data directory), feeds the
corpus of ../shared/bench/gen_corpus.py over SMTP with N parallel feeders, waits until every mail
has a committed outcome (read back through the operator API), and reports mails/s, latency
percentiles (SMTP accepted -> outcome committed), peak RSS of the gateway process, and the hottest
frames of a JFR execution profile.

    ./mvnw -B -q -DskipTests package
    python3 src/bench/intake_benchmark.py --count 1000 --feeders 4 [--workers 4]

Standard library only. Everything listens on 127.0.0.1.
"""
import argparse, collections, email, glob, json, os, re, shutil, signal, smtplib, socket, subprocess
import sys, tempfile, threading, time, urllib.request
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOKEN = "bench-operator-token-0123456789-abcdef"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ops(port, path):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Authorization": f"Bearer {TOKEN}"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--feeders", type=int, default=4)
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "bench", "gen_corpus.py"))
    ap.add_argument("--jar", default=glob.glob(os.path.join(ROOT, "target", "persocontact-gateway-*.jar")))
    ap.add_argument("--heap", default="512m")
    ap.add_argument("--timeout", type=int, default=900)
    ap.add_argument("--workers", type=int, default=None,
                    help="gateway.intake.workers (intake threads per batch); default: the gateway's own (4)")
    ap.add_argument("--extra", default="", help="extra --key=value arguments for the gateway")
    args = ap.parse_args()
    jar = args.jar[0] if isinstance(args.jar, list) else args.jar

    work = tempfile.mkdtemp(prefix="pc-bench-")
    subprocess.run([sys.executable, args.corpus, "--out", os.path.join(work, "corpus"), "--count", str(args.count),
                    "--tag-format", "[HRB{n:07d}]", "--to", "helpdesk@persocontact.local"], check=True,
                   stdout=subprocess.DEVNULL)
    mails = sorted(glob.glob(os.path.join(work, "corpus", "*.eml")))

    http, smtp, imap = free_port(), free_port(), free_port()
    jfr = os.path.join(work, "intake.jfr")
    cmd = ["java", f"-Xmx{args.heap}", f"-XX:StartFlightRecording=filename={jfr},settings=profile,dumponexit=true",
           "-jar", jar, f"--server.port={http}", f"--gateway.embedded.mail.smtp-port={smtp}",
           f"--gateway.embedded.mail.imap-port={imap}", f"--gateway.embedded.db.data-dir={work}/mariadb",
           f"--gateway.embedded.db.base-dir={work}/mariadb-server", f"--gateway.access.secret-file={work}/secret",
           f"--gateway.ops.token={TOKEN}", "--gateway.mail.poll-delay=100", "--gateway.notification.outbox-period=500",
           "--gateway.intake.new-tickets-per-sender=100000"] + (
               [f"--gateway.intake.workers={args.workers}"] if args.workers else []) + args.extra.split()
    log = open(os.path.join(work, "gateway.log"), "w")
    started = time.time()
    gateway = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    try:
        while True:
            try:
                ops(http, "/api/ops/inbound?limit=1")
                break
            except Exception:
                if gateway.poll() is not None or time.time() - started > 180:
                    raise SystemExit(f"gateway did not start; see {log.name}")
                time.sleep(0.5)
        startup = time.time() - started

        sent = {}
        lock = threading.Lock()

        def feed(path):
            raw = open(path, "rb").read()
            msg = email.message_from_bytes(raw)
            with smtplib.SMTP("127.0.0.1", smtp) as s:
                s.sendmail(msg["From"] and email.utils.parseaddr(msg["From"])[1] or "bench@example.org",
                           ["helpdesk@persocontact.local"], raw)
            with lock:
                sent[msg["Message-ID"].strip()] = time.time()

        load_before = os.getloadavg()
        t0 = time.time()
        # in corpus order per feeder, so that a reply normally follows its ticket
        with ThreadPoolExecutor(args.feeders) as pool:
            list(pool.map(feed, mails))
        fed = time.time() - t0

        done = {}
        while len(done) < len(mails) and time.time() - t0 < args.timeout:
            for row in ops(http, f"/api/ops/inbound?limit={len(mails) + 100}"):
                if row["outcome"] not in ("RECEIVED", "FAILED") and row["messageId"]:
                    done[row["messageId"].strip()] = row
            time.sleep(1)
        if not done:
            raise SystemExit("nothing processed; sample: " + json.dumps(ops(http, "/api/ops/inbound?limit=3"))[:2000])
        t_end = max(parse_instant(r["processedAt"]) for r in done.values())
        load_after = os.getloadavg()
        rss = peak_rss(gateway.pid)
    finally:
        gateway.send_signal(signal.SIGTERM)
        try:
            gateway.wait(60)
        except subprocess.TimeoutExpired:
            gateway.kill()
    latencies = sorted(parse_instant(done[m]["processedAt"]) - sent[m] for m in done if m in sent)
    outcomes = collections.Counter(r["outcome"] for r in done.values())
    result = {
        "mails": len(mails), "processed": len(done), "feeders": args.feeders, "startup_s": round(startup, 1),
        "feed_s": round(fed, 1), "mails_per_s": round(len(done) / (t_end - t0), 1),
        "latency_ms": {p: round(1000 * pct(latencies, p)) for p in (50, 95, 99)},
        "peak_rss_mb": rss, "outcomes": dict(outcomes), "workers": args.workers,
        "extra": args.extra, "load_avg_before": [round(x, 1) for x in load_before],
        "load_avg_after": [round(x, 1) for x in load_after],
        "profile_top": profile(jfr), "samples_by_thread": samples_by_thread(jfr),
    }
    print(json.dumps(result, indent=2))
    shutil.rmtree(work, ignore_errors=True)


def parse_instant(text):
    # "2026-11-29T14:20:01.123456Z"
    main_part, _, frac = text.rstrip("Z").partition(".")
    return time.mktime(time.strptime(main_part, "%Y-%m-%dT%H:%M:%S")) - time.timezone + float("0." + (frac or "0"))


def pct(values, p):
    if not values:
        return float("nan")
    k = (len(values) - 1) * p / 100
    return values[int(k)] + (values[min(int(k) + 1, len(values) - 1)] - values[int(k)]) * (k - int(k))


def peak_rss(pid):
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmHWM"):
                return int(line.split()[1]) // 1024
    except OSError:
        return None


def profile(jfr, top=15):
    """Top frames by own samples, from the JFR execution samples (application code and libraries)."""
    if not os.path.exists(jfr):
        return []
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "1", jfr],
                         capture_output=True, text=True).stdout
    frames = collections.Counter(re.findall(r"stackTrace = \[\s*\n\s*(\S+)", out))
    total = sum(frames.values()) or 1
    return [f"{100 * n / total:.1f}% {f}" for f, n in frames.most_common(top)]


def samples_by_thread(jfr, top=8):
    """Share of the JFR execution samples per thread group (digits dropped): where the CPU went."""
    if not os.path.exists(jfr):
        return []
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "1", jfr],
                         capture_output=True, text=True).stdout
    threads = collections.Counter(re.sub(r"\d+", "N", t) for t in re.findall(r'sampledThread = "([^"]*)"', out))
    total = sum(threads.values()) or 1
    return [f"{100 * n / total:.1f}% {t}" for t, n in threads.most_common(top)]


if __name__ == "__main__":
    main()
