#!/usr/bin/env python3
"""Peak RSS of the gateway while the largest portal submissions the packaged limits allow are posted
(issue 13, docs/benchmarks.md run 11): --rounds rounds of --parallel submissions at once, each with three PDFs
of --file-mb MB (one page, one large image stream, as a scan), together just under
GATEWAY_PORTAL_MAX_SUBMISSION_SIZE (30 MB).

    ./mvnw -B -q -DskipTests package
    python3 src/bench/portal_memory_benchmark.py [--jvm "@deploy/jvm.options"]

The jar runs with deploy/jvm.options and MALLOC_ARENA_MAX=2 (as the Dockerfile), its embedded MariaDB and
GreenMail on free ports, a fresh data directory. Reported: each submission's HTTP status and seconds, the
gateway's VmHWM after each round, and the OutOfMemoryError lines of its log (there must be none). Exits with 2
when a submission is not accepted or the heap ran out.
"""
import argparse, glob, json, os, subprocess, sys, tempfile, threading, time, urllib.error, urllib.request, uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from intake_benchmark import ROOT, free_port  # noqa: E402

KEY = "bench-portal-key-0123456789-0123456789-abcdef"
VALUES = {"kind": "parental-leave", "start-date": "2026-03-01", "end-date": "2026-08-31",
          "employment-status": "statutory"}


def scan(mb):
    image = os.urandom(int(mb * 1024 * 1024))
    return (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</XObject<</Im1 4 0 R>>>>/Contents 5 0 R>>endobj\n"
            b"4 0 obj<</Type/XObject/Subtype/Image/Width 4000/Height 4000/ColorSpace/DeviceRGB/BitsPerComponent 8"
            b"/Filter/DCTDecode/Length " + str(len(image)).encode() + b">>stream\n" + image + b"\nendstream endobj\n"
            b"5 0 obj<</Length 30>>stream\nq 595 0 0 842 0 0 cm /Im1 Do Q\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def submit(port, n, file_mb, results):
    boundary = "----bench" + uuid.uuid4().hex
    submission = {"formCode": "reduction-of-working-time", "idempotencyKey": str(uuid.uuid4()), "values": VALUES,
                  "employee": {"id": str(n), "address": f"employee{n}@example.org", "name": "Bench", "language": "nl"}}
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="submission"\r\nContent-Type: application/json'
            f"\r\n\r\n{json.dumps(submission)}\r\n").encode()
    for i in range(3):
        body += (f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="scan{i}.pdf"\r\n'
                 "Content-Type: application/pdf\r\n\r\n").encode() + scan(file_mb) + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/portal/submissions", data=body, method="POST",
                                     headers={"Content-Type": f"multipart/form-data; boundary={boundary}",
                                              "Authorization": "Bearer " + KEY})
    started = time.time()
    try:
        with urllib.request.urlopen(request, timeout=300) as reply:
            results[n] = {"status": reply.status, "s": round(time.time() - started, 1), "bytes": len(body)}
    except urllib.error.HTTPError as refused:
        results[n] = {"status": refused.code, "body": refused.read()[:300].decode(errors="replace")}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--jvm", default="@deploy/jvm.options")
    ap.add_argument("--jar", default=None)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--parallel", type=int, default=2)
    ap.add_argument("--file-mb", type=float, default=9.8, help="each of the three files (default 9.8)")
    args = ap.parse_args()
    jar = args.jar or sorted(glob.glob(os.path.join(ROOT, "target", "persocontact-gateway-*.jar")))[-1]
    work = tempfile.mkdtemp(prefix="pc-bench-portal-")
    http = free_port()
    log = open(os.path.join(work, "gateway.log"), "w")
    proc = subprocess.Popen(["java"] + args.jvm.split() + ["-jar", jar, f"--server.port={http}",
                            f"--gateway.embedded.db.data-dir={work}/mariadb", f"--gateway.embedded.db.base-dir={work}/mariadb-server",
                            f"--gateway.embedded.db.port={free_port()}", f"--gateway.access.secret-file={work}/secret",
                            f"--gateway.portal.api-key={KEY}", f"--gateway.embedded.mail.smtp-port={free_port()}",
                            f"--gateway.embedded.mail.imap-port={free_port()}"],
                            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ, MALLOC_ARENA_MAX="2"))

    def peak_rss_mb():
        with open(f"/proc/{proc.pid}/status") as status:
            return next(int(line.split()[1]) // 1024 for line in status if line.startswith("VmHWM"))

    try:
        started = time.time()
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{http}/actuator/health", timeout=2)
                break
            except Exception:
                if proc.poll() is not None or time.time() - started > 240:
                    raise SystemExit(f"gateway did not start; see {log.name}")
                time.sleep(0.5)
        report = {"jvm": args.jvm, "peak_rss_mb_started": peak_rss_mb(), "rounds": []}
        for r in range(args.rounds):
            results = {}
            threads = [threading.Thread(target=submit, args=(http, r * args.parallel + k, args.file_mb, results))
                       for k in range(args.parallel)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            report["rounds"].append({"submissions": results, "peak_rss_mb": peak_rss_mb()})
        with open(log.name) as lines:
            report["out_of_memory_lines"] = sum("OutOfMemoryError" in line for line in lines)
    finally:
        proc.terminate()
        proc.wait(90)
    print(json.dumps(report, indent=2))
    accepted = all(s.get("status") == 201 for r in report["rounds"] for s in r["submissions"].values())
    sys.exit(0 if accepted and report["out_of_memory_lines"] == 0 else 2)


if __name__ == "__main__":
    main()
