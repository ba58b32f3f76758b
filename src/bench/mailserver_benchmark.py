#!/usr/bin/env python3
"""Production-path benchmark (issue 13): the packaged gateway against embedded GreenMail and against a
throw-away Dovecot, side by side, in one command.

    ./mvnw -B -q -DskipTests package
    python3 src/bench/mailserver_benchmark.py [--out result.json]      # the full comparison
    python3 src/bench/mailserver_benchmark.py --servers dovecot --count 2000 --paced-seconds 30   # quicker

Runs, each with a fresh gateway started from the jar with deploy/jvm.options (as the Dockerfile; the GreenMail
run with a 320 MB heap, as ./mvnw spring-boot:run, since the embedded GreenMail keeps every mail in the gateway's
heap) and MALLOC_ARENA_MAX=2, its embedded MariaDB in its own mariadbd process, a fresh data directory:
  greenmail  the first --greenmail-count mails (default 1,000) of the corpus sent over SMTP to the embedded
             GreenMail by --feeders parallel feeders (as intake_benchmark.py); outbound mail stays in GreenMail.
  dovecot    flood: --count mails (default 5,000) delivered by IMAP APPEND (--feeders connections) into the
             helpdesk INBOX of a throw-away Dovecot (Debian dovecot-imapd, configured as the tests'
             DovecotServer); the gateway sends its outbound mail to a local SMTP sink (TCP_NODELAY) that
             records each accept. Then, on the same warm gateway:
             paced: --paced-rate mails/s (default 20) for --paced-seconds (default 60), from a corpus of
             another seed (no Message-ID twice), for latency when not flooded;
             big: one mail with a --big-mb (default 25) MB attachment (or --big-count such mails from
             different senders, sent at the same moment), size limits raised so that it is read, stored and
             parsed; the gateway's peak RSS before and after.
Reported per run: warm-up (the first --warmup mails, default 1,000) and steady state (the last 3/5 of a run
of at least 2.5 x warm-up mails: mails 2,001..5,000 of 5,000): mails/s and CPU ms per mail of the gateway
JVM, of MariaDB and of the mail server (utime+stime+cutime+cstime of the process trees from /proc, sampled
every 0.5 s; GreenMail's CPU is inside the gateway's); latency arrival (SMTP accepted / APPEND done) ->
committed outcome, and -> acknowledgement accepted by the SMTP sink (Dovecot only), p50/p95/p99; peak RSS
(VmHWM) per process; the outbox by kind and status; the top JFR frames and threads, start-up left out.
Every mail must have exactly one outcome: each mail fed must have one inbound record with a final outcome
and no Message-ID two records ("one_outcome"; the script exits with 2 otherwise). Outcomes are read from
the embedded MariaDB with its own client (the operator API lists at most 1,000 mails).

The corpus is ../shared/bench/gen_corpus.py's, generated once per seed into --corpus-cache (default
target/bench-corpus; 5,000 mails take a few minutes the first time) and reused. Total run time of the full
comparison on a quiet 2-core machine: start-ups ~2 x 25 s, GreenMail 1,000 mails, Dovecot 5,000 mails,
60 s paced, the big mail. --no-jfr measures RSS without JFR's buffers (no frames then).

Needs Java 17 (and its `jfr` tool), python3 (standard library only), /usr/sbin/dovecot (Debian
dovecot-imapd) for the Dovecot runs, run as root or a user that may start Dovecot (it stores mail as
nobody). Everything listens on 127.0.0.1.
"""
import argparse, collections, re, email, email.utils, glob, imaplib, json, os, shutil, signal, smtplib, socket
import socketserver, subprocess, sys, tempfile, threading, time
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from intake_benchmark import ROOT, TOKEN, free_port, ops, parse_instant, pct  # noqa: E402

HELPDESK = "helpdesk@persocontact.local"
SEED, PACED_SEED = 20261129, 1313  # gen_corpus.py's default seed; another for the paced run (no Message-ID twice)
CLK = os.sysconf("SC_CLK_TCK")


# ---------------------------------------------------------------- /proc accounting

def children_of():
    kids = collections.defaultdict(list)
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                kids[int(fields[1])].append(int(d))
            except OSError:
                pass
    return kids


def tree(root, kids):
    out, todo = [], [root]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids.get(p, []))
    return out


def cpu_ms(pids):
    total = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += sum(int(x) for x in fields[11:15])  # utime stime cutime cstime
        except OSError:
            pass
    return 1000 * total / CLK


def hwm_mb(pids):
    best = 0
    for p in pids:
        try:
            for line in open(f"/proc/{p}/status"):
                if line.startswith("VmHWM"):
                    best = max(best, int(line.split()[1]) // 1024)
        except OSError:
            pass
    return best


class Meter(threading.Thread):
    """Samples CPU of the gateway JVM, its mariadbd child and the mail server's process tree every 0.5 s."""

    def __init__(self, gateway_pid, mailserver_root=None):
        super().__init__(daemon=True)
        self.gateway, self.mail_root = gateway_pid, mailserver_root
        self.samples, self.stop, self.rss = [], False, collections.Counter()

    def groups(self):
        kids = children_of()
        gw_tree = tree(self.gateway, kids)
        db = [p for p in gw_tree if p != self.gateway]  # mariadbd (and anything else the JVM started)
        mail = tree(self.mail_root, kids) if self.mail_root else []
        return {"gateway": [self.gateway], "mariadb": db, "mailserver": mail}

    def run(self):
        while not self.stop:
            g = self.groups()
            self.samples.append((time.time(), {k: cpu_ms(v) for k, v in g.items()}))
            for k, v in g.items():
                self.rss[k] = max(self.rss[k], hwm_mb(v))
            time.sleep(0.5)

    def at(self, t):
        """CPU ms per group at time t (the nearest sample not before t, else the last)."""
        for ts, v in self.samples:
            if ts >= t:
                return v
        return self.samples[-1][1]


# ---------------------------------------------------------------- SMTP sink

class Sink:
    """Accepts every mail, records when each was accepted and its Message-ID (the gateway's acknowledgements
    are <TICKET.acknowledgement.UUID@...>)."""

    def __init__(self):
        self.accepted = []  # (time, message_id, recipients)
        self.lock = threading.Lock()
        sink = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self):
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                w = self.wfile
                w.write(b"220 sink ESMTP\r\n"); w.flush()
                rcpts = []
                while True:
                    line = self.rfile.readline()
                    if not line:
                        return
                    cmd = line[:4].upper()
                    if cmd in (b"EHLO", b"HELO"):
                        w.write(b"250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n" if cmd == b"EHLO" else b"250 sink\r\n")
                    elif cmd == b"MAIL":
                        rcpts = []; w.write(b"250 ok\r\n")
                    elif cmd == b"RCPT":
                        rcpts.append(line[8:].strip().decode("latin-1")); w.write(b"250 ok\r\n")
                    elif cmd == b"DATA":
                        w.write(b"354 go\r\n"); w.flush()
                        head, in_head, irt = [], True, None
                        while True:
                            l = self.rfile.readline()
                            if not l or l == b".\r\n" or l == b".\n":
                                break
                            if in_head:
                                if l in (b"\r\n", b"\n"):
                                    in_head = False
                                else:
                                    head.append(l)
                        for h in b"".join(head).decode("latin-1").replace("\r\n ", " ").replace("\r\n\t", " ").split("\r\n"):
                            if h.lower().startswith("message-id:"):
                                irt = h.split(":", 1)[1].strip()
                        w.write(b"250 accepted\r\n"); w.flush()
                        with sink.lock:
                            sink.accepted.append((time.time(), irt, rcpts))
                        continue
                    elif cmd == b"QUIT":
                        w.write(b"221 bye\r\n"); w.flush(); return
                    else:  # RSET NOOP and the rest
                        w.write(b"250 ok\r\n")
                    w.flush()

        class Server(socketserver.ThreadingTCPServer):
            allow_reuse_address = True
            daemon_threads = True

        self.server = Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()


# ---------------------------------------------------------------- Dovecot

class Dovecot:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="pc-bench-dovecot-")
        os.chmod(self.dir, 0o755)
        for d in ("mail", "run", "state"):
            os.makedirs(os.path.join(self.dir, d))
        os.chmod(os.path.join(self.dir, "mail"), 0o777)
        self.port = free_port()
        self.conf = os.path.join(self.dir, "dovecot.conf")
        open(self.conf, "w").write(f"""listen = 127.0.0.1
base_dir = {self.dir}/run
state_dir = {self.dir}/state
log_path = {self.dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
default_login_user = dovenull
default_internal_user = dovecot
first_valid_uid = 1
protocols = imap
auth_mechanisms = plain login
login_trusted_networks = 127.0.0.0/8
passdb {{
  driver = static
  args = password=secret
}}
userdb {{
  driver = static
  args = uid=nobody gid=nogroup home={self.dir}/mail/%u
}}
mail_location = maildir:~/Maildir
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.port}
  }}
}}
service anvil {{
  chroot =
}}
""")
        subprocess.run(["/usr/sbin/dovecot", "-c", self.conf], check=True)
        try:
            deadline = time.time() + 10
            while True:
                try:
                    socket.create_connection(("127.0.0.1", self.port), 1).close()
                    break
                except OSError:
                    if time.time() > deadline:
                        raise SystemExit(f"dovecot did not listen; see {self.dir}/dovecot.log")
                    time.sleep(0.1)
            pidfile = os.path.join(self.dir, "run", "master.pid")
            while not os.path.exists(pidfile) and time.time() < deadline + 10:
                time.sleep(0.1)
            self.master = int(open(pidfile).read().strip())
            c = self.connect()
            for folder in ("Processed", "Quarantine"):
                c.create(folder)
            c.logout()
        except BaseException:
            self.close()
            raise

    def connect(self):
        for attempt in range(5):
            try:
                c = imaplib.IMAP4("127.0.0.1", self.port, timeout=30)
                c.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                c.login(HELPDESK, "secret")
                return c
            except (OSError, imaplib.IMAP4.error):
                if attempt == 4:
                    raise
                time.sleep(1)

    def close(self):
        subprocess.run(["/usr/sbin/dovecot", "-c", self.conf, "stop"])
        shutil.rmtree(self.dir, ignore_errors=True)


# ---------------------------------------------------------------- gateway

def corpus(count, seed, gen, cache):
    """The first count mails of gen_corpus.py's corpus for seed, generated once into cache and kept there:
    generating 5,000 mails takes minutes, the runs should not. A prefix of a larger cached corpus serves too."""
    os.makedirs(cache, exist_ok=True)
    found = None
    for d in os.listdir(cache):
        n, _, s = d.partition("-")
        if n.isdigit() and s == str(seed) and int(n) >= count and (found is None or int(n) < int(found.partition("-")[0])):
            found = d
    if found is None:
        found = f"{count}-{seed}"
        tmp = os.path.join(cache, found + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        print(f"generating the {count}-mail corpus (seed {seed}) into {cache}, once ...", file=sys.stderr)
        subprocess.run([sys.executable, gen, "--out", tmp, "--count", str(count), "--seed", str(seed),
                        "--tag-format", "[HRB{n:07d}]", "--to", HELPDESK], check=True, stdout=subprocess.DEVNULL)
        os.rename(tmp, os.path.join(cache, found))
    mails = []
    for path in sorted(glob.glob(os.path.join(cache, found, "*.eml")))[:count]:
        raw = open(path, "rb").read()
        msg = email.message_from_bytes(raw)
        mails.append((msg["Message-ID"].strip(), email.utils.parseaddr(msg["From"] or "")[1] or "bench@example.org", raw))
    return mails


def start_gateway(args, work, mail_args, jfr, jvm=None):
    http, dbport = free_port(), free_port()
    jvm = args.jvm if jvm is None else jvm
    opts = jvm.split() if jvm else []
    recording = [f"-XX:StartFlightRecording=filename={jfr},settings=profile,dumponexit=true"] if args.jfr else []
    cmd = (["java"] + opts + recording + ["-jar", args.jar, f"--server.port={http}", f"--gateway.embedded.db.data-dir={work}/mariadb",
            f"--gateway.embedded.db.base-dir={work}/mariadb-server", f"--gateway.embedded.db.port={dbport}", f"--gateway.access.secret-file={work}/secret",
            f"--gateway.ops.token={TOKEN}",
            "--gateway.intake.new-tickets-per-sender=100000"]
           + ([f"--gateway.intake.workers={args.workers}"] if args.workers else [])
           + ([f"--gateway.mail.poll-delay={args.poll_delay}"] if args.poll_delay else [])
           + ([f"--gateway.notification.outbox-period={args.outbox_period}"] if args.outbox_period else [])
           # every statement of the gateway's own pool goes to MariaDB's slow log, with its plan (set when each
           # connection opens: a session's slow-log switch is taken from the global one at that moment)
           + ([f"--spring.datasource.hikari.connection-init-sql=SET GLOBAL slow_query_log_file='{work}/statements.log', "
               "GLOBAL slow_query_log=1, SESSION long_query_time=0, SESSION log_slow_verbosity='query_plan'"]
              if args.db_profile else []) + mail_args + args.extra.split())
    log = open(os.path.join(work, "gateway.log"), "w")
    started = time.time()
    # as the Dockerfile: glibc's malloc arenas capped, else each busy thread may grow its own
    env = dict(os.environ, MALLOC_ARENA_MAX=os.environ.get("MALLOC_ARENA_MAX", "2"))
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)
    while True:
        try:
            ops(http, "/api/ops/inbound?limit=1")
            return proc, http, time.time() - started, Db(work, dbport, http)
        except Exception:
            if proc.poll() is not None or time.time() - started > 240:
                raise SystemExit(f"gateway did not start; see {log.name}")
            time.sleep(0.5)


def stop_gateway(proc):
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(90)
    except subprocess.TimeoutExpired:
        proc.kill()


class Db:
    """The embedded MariaDB, read with its own client: the operator API lists at most 1,000 mails."""

    def __init__(self, work, port, http):
        # without TLS: MariaDB 11.4 signs every TLS handshake with a 4096-bit RSA key, and the server's share of
        # that (8.5 % of its CPU in a profile at one poll a second) was counted as the gateway's cost per mail
        self.cmd = [os.path.join(work, "mariadb-server", "bin", "mariadb"), "-h127.0.0.1", f"-P{port}", "-uroot",
                    "--skip-ssl", "--batch", "-N", "persocontact", "-e"]
        self.http, self.offset = http, None

    def lines(self, sql):
        return subprocess.run(self.cmd + [sql], capture_output=True, text=True, check=True).stdout.splitlines()

    def scalar(self, sql):
        return int(subprocess.run(self.cmd + [sql], capture_output=True, text=True, check=True).stdout.strip() or 0)

    def rows(self):
        out = subprocess.run(self.cmd + ["SELECT id, message_id, outcome, DATE_FORMAT(processed_at, '%Y-%m-%dT%H:%i:%s.%f'), "
                                         "ticket_number FROM inbound_message"], capture_output=True, text=True, check=True).stdout
        rows = []
        for line in out.splitlines():
            i, mid, outcome, at, ticket = (line.split("\t") + [None] * 5)[:5]
            rows.append({"id": int(i), "messageId": None if mid == "NULL" else mid, "outcome": outcome,
                         "processedAt": None if at in (None, "NULL") else at, "ticketNumber": None if ticket == "NULL" else ticket})
        if self.offset is None:
            # the column's time zone, from one row the operator API also shows as an instant
            for row in ops(self.http, "/api/ops/inbound?limit=20"):
                mine = next((r for r in rows if r["id"] == row["id"] and r["processedAt"]), None)
                if mine and row.get("processedAt"):
                    self.offset = parse_instant(row["processedAt"]) - parse_instant(mine["processedAt"])
                    break
        for r in rows:
            if r["processedAt"]:
                r["processedAt"] = parse_instant(r["processedAt"]) + (self.offset or 0)
        return rows


def statement_profile(path, mails, top=25):
    """Sums MariaDB's slow log (every statement of the gateway's pool, --db-profile) by statement shape:
    executions and rows examined per mail, and server time; the shapes that cost most first."""
    shapes = collections.defaultdict(lambda: [0, 0.0, 0, 0.0])
    head, sql = None, []

    def flush():
        if head and sql:
            text = " ".join(l for l in sql if not l.startswith(("SET timestamp", "use ")))
            text = re.sub(r"'(?:[^'\\]|\\.)*'", "?", text)
            text = re.sub(r"\b\d+(\.\d+)?\b", "?", text)
            text = re.sub(r"\(\s*\?(\s*,\s*\?)+\s*\)", "(?...)", text)
            text = re.sub(r"\s+", " ", text).strip()[:160]
            if text and not text.startswith(("SET SESSION", "SELECT @@", "COMMIT", "ROLLBACK", "SET autocommit")):
                shape = shapes[text]
                shape[0] += 1
                shape[1] += head[0]
                shape[2] += head[1]
                shape[3] += head[2]

    if not os.path.exists(path):
        return []
    for line in open(path, errors="replace"):
        m = re.match(r"# Query_time: ([\d.]+)\s+Lock_time: ([\d.]+)\s+Rows_sent: \d+\s+Rows_examined: (\d+)", line)
        if m:
            flush()
            head, sql = (float(m.group(1)), int(m.group(3)), float(m.group(2))), []
        elif line.startswith("#") or line.startswith("/usr") or line.startswith("Tcp port") or line.startswith("Time "):
            continue
        elif head:
            sql.append(line.strip())
    flush()
    ranked = sorted(shapes.items(), key=lambda kv: -kv[1][1])
    return [{"statement": k, "per_mail": round(v[0] / mails, 2), "rows_examined_per_mail": round(v[2] / mails, 1),
             "server_ms_per_mail": round(1000 * v[1] / mails, 3),
             "of_which_lock_wait_ms_per_mail": round(1000 * v[3] / mails, 3)} for k, v in ranked[:top]]


def outcomes(db, ids, deadline):
    """Waits until every Message-ID in ids has a final outcome; returns {message id: [rows]}."""
    while True:
        # a count while mails are still coming in; every row (and its processing time) only once they may be done
        if time.time() < deadline and db.scalar("SELECT COUNT(*) FROM inbound_message WHERE outcome <> 'RECEIVED' "
                                                "AND processed_at IS NOT NULL") < len(ids):
            time.sleep(1)
            continue
        by_id = collections.defaultdict(list)
        for row in db.rows():
            if row.get("messageId"):
                by_id[row["messageId"].strip()].append(row)
        final = [m for m in ids if any(r["outcome"] != "RECEIVED" and r["processedAt"] for r in by_id.get(m, []))]
        if (len(final) == len(ids) and db.offset is not None) or time.time() > deadline:
            return by_id
        time.sleep(1)


def feed_smtp(port, mails, feeders, sent):
    lock = threading.Lock()

    def one(m):
        mid, sender, raw = m
        with smtplib.SMTP("127.0.0.1", port) as s:
            s.sendmail(sender, [HELPDESK], raw)
        with lock:
            sent[mid] = time.time()

    with ThreadPoolExecutor(feeders) as pool:
        list(pool.map(one, mails))


def feed_imap(dovecot, mails, feeders, sent, rate=None):
    """APPENDs into INBOX, one IMAP connection per feeder; with rate, paced to rate mails/s in total."""
    lock = threading.Lock()
    t0 = time.time()
    parts = [mails[i::feeders] for i in range(feeders)]

    def run(k):
        c = dovecot.connect()
        for j, (mid, sender, raw) in enumerate(parts[k]):
            if rate:
                due = t0 + (j * feeders + k) / rate
                if due > time.time():
                    time.sleep(due - time.time())
            typ, _ = c.append("INBOX", None, None, raw)
            if typ != "OK":
                raise RuntimeError(f"APPEND failed for {mid}")
            with lock:
                sent[mid] = time.time()
        c.logout()

    with ThreadPoolExecutor(feeders) as pool:
        list(pool.map(run, range(feeders)))


def figures(name, mails, sent, by_id, meter, acks, warmup, t0, startup, fed_s, jfr, rss, extra=None):
    ids = [m[0] for m in mails]
    finals = {m: r for m in ids for r in by_id.get(m, []) if r["outcome"] != "RECEIVED" and r.get("processedAt")}
    doubled = sorted(m for m in ids if len(by_id.get(m, [])) > 1)
    missing = [m for m in ids if m not in finals]
    committed = {m: finals[m]["processedAt"] for m in finals}
    lat = sorted(committed[m] - sent[m] for m in committed if m in sent)
    ack_lat = sorted(acks[m] - sent[m] for m in acks if m in sent) if acks is not None else []
    order = sorted(committed.values())
    res = {
        "run": name, "mails": len(ids), "processed": len(finals), "startup_s": round(startup, 1),
        "feed_s": round(fed_s, 1), "one_outcome": not doubled and not missing,
        "missing": missing[:5], "doubled": doubled[:5],
        "outcomes": dict(collections.Counter(r["outcome"] for r in finals.values())),
        "mails_per_s_overall": round(len(order) / (order[-1] - t0), 1) if order else None,
        "latency_commit_ms": {p: round(1000 * pct(lat, p)) for p in (50, 95, 99)} if lat else None,
        "peak_rss_mb": dict(rss),
    }
    if acks is not None:
        res["acks_seen"] = len(ack_lat)
        res["latency_ack_ms"] = {p: round(1000 * pct(ack_lat, p)) for p in (50, 95, 99)} if ack_lat else None

    def window(label, start_t, end_t, n):
        if n <= 0 or end_t <= start_t:
            return
        a, b = meter.at(start_t), meter.at(end_t)
        res[label] = {"mails": n, "mails_per_s": round(n / (end_t - start_t), 1),
                      "cpu_ms_per_mail": {k: round((b[k] - a[k]) / n, 1) for k in b}}

    if len(order) >= warmup:
        window("warm_up", t0, order[warmup - 1], warmup)
    if len(order) >= 2.5 * warmup:
        steady_from = len(order) - int(len(order) * 3 / 5)
        window("steady_state", order[steady_from - 1], order[-1], len(order) - steady_from)
    if extra:
        res.update(extra)
    res["profile_top"], res["samples_by_thread"] = work_profile(jfr)
    return res


def ack_times(sink, since, by_id):
    """When the acknowledgement of each mail that opened a ticket was accepted by the sink: {inbound id: time}."""
    by_ticket = {}
    with sink.lock:
        for t, mid, _ in sink.accepted:
            if t >= since and mid and ".acknowledgement." in mid:
                by_ticket.setdefault(mid.strip("<>").split(".acknowledgement.")[0], t)
    acks = {}
    for m, rows in by_id.items():
        for r in rows:
            if r["outcome"] == "TICKET_CREATED" and r.get("ticketNumber") in by_ticket:
                acks[m] = by_ticket[r["ticketNumber"]]
    return acks


def work_profile(jfr, top=12):
    """Top frames (own samples) and threads of the JFR execution samples, start-up left out (the main thread
    and Spring's pre-init): where the gateway spends its time on mail."""
    if not os.path.exists(jfr):
        return [], []
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "1", jfr],
                         capture_output=True, text=True).stdout
    frames, threads = collections.Counter(), collections.Counter()
    for event in out.split("jdk.ExecutionSample {")[1:]:
        t = re.search(r'sampledThread = "([^"]*)"', event)
        f = re.search(r"stackTrace = \[\s*\n\s*(\S+)", event)
        name = t.group(1) if t else "?"
        if name in ("main", "background-preinit"):
            continue
        threads[re.sub(r"\d+", "N", name)] += 1
        if f:
            frames[f.group(1)] += 1
    ft, tt = sum(frames.values()) or 1, sum(threads.values()) or 1
    return ([f"{100 * n / ft:.1f}% {f}" for f, n in frames.most_common(top)],
            [f"{100 * n / tt:.1f}% {t}" for t, n in threads.most_common(8)])


def wait_for_outbox(db, deadline):
    """Until the outbox has nothing left to send (every acknowledgement and announcement at the sink)."""
    while time.time() < deadline:
        if db.scalar("SELECT COUNT(*) FROM outbound_mail WHERE status = 'PENDING'") == 0:
            break
        time.sleep(0.5)
    time.sleep(1)


def big_mail(mb, n=0):
    """A mail with one scanned-PDF-like attachment of mb megabytes (one page, one large image stream), from
    a sender of its own for each n (several senders' mails are processed side by side)."""
    from email.mime.application import MIMEApplication
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText
    image = os.urandom(mb * 1024 * 1024)
    pdf = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
           b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</XObject<</Im1 4 0 R>>>>/Contents 5 0 R>>endobj\n"
           b"4 0 obj<</Type/XObject/Subtype/Image/Width 4000/Height 4000/ColorSpace/DeviceRGB/BitsPerComponent 8"
           b"/Filter/DCTDecode/Length " + str(len(image)).encode() + b">>stream\n" + image + b"\nendstream endobj\n"
           b"5 0 obj<</Length 30>>stream\nq 595 0 0 842 0 0 cm /Im1 Do Q\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
    msg = MIMEMultipart()
    mid = email.utils.make_msgid(domain="bench.example.org")
    sender = "big.scan@example.org" if n == 0 else f"big.scan.{n}@example.org"
    msg["Message-ID"], msg["From"], msg["To"] = mid, sender, HELPDESK
    msg["Subject"], msg["Date"] = "Scan van mijn medisch attest", email.utils.formatdate()
    msg.attach(MIMEText("In bijlage de scan.", "plain", "utf-8"))
    part = MIMEApplication(pdf, "pdf")
    part.add_header("Content-Disposition", "attachment", filename="scan.pdf")
    msg.attach(part)
    return mid, sender, msg.as_bytes()


def run_greenmail(args, gen):
    work = tempfile.mkdtemp(prefix="pc-bench-gm-")
    mails = corpus(args.greenmail_count, SEED, gen, args.corpus_cache)
    smtp, imap = free_port(), free_port()
    jfr = os.path.join(work, "gm.jfr")
    proc, http, startup, db = start_gateway(args, work, [f"--gateway.embedded.mail.smtp-port={smtp}",
                                                     f"--gateway.embedded.mail.imap-port={imap}"], jfr,
                                            args.greenmail_jvm)
    meter = Meter(proc.pid, None)  # GreenMail runs inside the JVM: its CPU is the gateway's
    meter.start()
    try:
        sent, t0 = {}, time.time()
        feed_smtp(smtp, mails, args.feeders, sent)
        fed = time.time() - t0
        by_id = outcomes(db, [m[0] for m in mails], t0 + args.timeout)
        time.sleep(1)
        rss = dict(meter.rss)
    finally:
        stop_gateway(proc)
        meter.stop = True
    res = figures("greenmail flood", mails, sent, by_id, meter, None, args.warmup, t0, startup, fed, jfr, rss,
                  {"note": "GreenMail runs inside the gateway JVM: its CPU and RSS are in the gateway's"})
    shutil.rmtree(work, ignore_errors=True)
    return res


def run_dovecot(args, gen):
    work = tempfile.mkdtemp(prefix="pc-bench-dc-")
    mails = corpus(args.count, SEED, gen, args.corpus_cache)
    dovecot, sink = Dovecot(), Sink()
    jfr = os.path.join(work, "dc.jfr")
    results = []
    proc = None
    try:
        proc, http, startup, db = start_gateway(args, work, [
            "--gateway.mail.host=127.0.0.1", "--gateway.mail.imap-protocol=imap", f"--gateway.mail.imap-port={dovecot.port}",
            "--gateway.mail.smtp-protocol=smtp", f"--gateway.mail.smtp-port={sink.port}",
            f"--gateway.mail.username={HELPDESK}", "--gateway.mail.password=secret",
            "--gateway.intake.trust-unauthenticated-mail=true"] + ([
                # the big mail is read, its file stored and parsed, not refused for its size
                f"--gateway.intake.max-message-size={2 * args.big_mb}MB",
                f"--gateway.attachment.max-message-size={2 * args.big_mb}MB",
                f"--gateway.attachment.max-file-size={2 * args.big_mb}MB"] if args.big_mb > 0 else []), jfr)
        meter = Meter(proc.pid, dovecot.master)
        meter.start()
        try:
            sent, t0 = {}, time.time()
            feed_imap(dovecot, mails, args.feeders, sent)
            fed = time.time() - t0
            by_id = outcomes(db, [m[0] for m in mails], t0 + args.timeout)
            wait_for_outbox(db, t0 + args.timeout)
            results.append(figures("dovecot flood", mails, sent, by_id, meter, ack_times(sink, t0, by_id), args.warmup, t0,
                                   startup, fed, jfr, dict(meter.rss), {"outbound_accepted": len(sink.accepted),
                                    "outbox_by_kind_and_status": db.lines("SELECT kind, status, COUNT(*) FROM outbound_mail "
                                                                          "GROUP BY kind, status")}))
            if args.paced_seconds > 0:
                paced = corpus(int(args.paced_rate * args.paced_seconds), PACED_SEED, gen, args.corpus_cache)
                before = len(sink.accepted)
                sent2, t1 = {}, time.time()
                feed_imap(dovecot, paced, args.feeders, sent2, rate=args.paced_rate)
                fed2 = time.time() - t1
                by2 = outcomes(db, [m[0] for m in paced], t1 + args.timeout)
                wait_for_outbox(db, t1 + args.timeout)
                results.append(figures(f"dovecot paced {args.paced_rate}/s", paced, sent2, by2, meter, ack_times(sink, t1, by2),
                                       10 ** 9, t1, 0, fed2, jfr, dict(meter.rss),
                                       {"offered_per_s": args.paced_rate, "outbound_accepted": len(sink.accepted) - before,
                                        "cpu_ms_per_mail": {k: round((meter.at(time.time())[k] - meter.at(t1)[k]) / len(paced), 1)
                                                            for k in ("gateway", "mariadb", "mailserver")}}))
            if args.big_mb > 0:
                bigs = [big_mail(args.big_mb, n) for n in range(args.big_count)]
                rss_before = hwm_mb([proc.pid])
                sent3, t2 = {}, time.time()
                feed_imap(dovecot, bigs, len(bigs), sent3)  # all at the same moment
                by3 = outcomes(db, [b[0] for b in bigs], t2 + args.timeout)
                time.sleep(2)
                rows = [(by3.get(b[0]) or [{}])[0] for b in bigs]
                result = {"run": f"dovecot {len(bigs)} mail(s) with a {args.big_mb} MB attachment, sent together",
                          "mails": len(bigs),
                          "one_outcome": all(len(by3.get(b[0], [])) == 1 and r.get("outcome") != "RECEIVED"
                                             for b, r in zip(bigs, rows)),
                          "mail_bytes": len(bigs[0][2]),
                          "gateway_peak_rss_mb_before": rss_before,
                          "gateway_peak_rss_mb_after": hwm_mb([proc.pid])}
                if len(bigs) == 1:
                    result["outcome"] = rows[0].get("outcome")
                    result["latency_commit_ms"] = (round(1000 * (rows[0]["processedAt"] - sent3[bigs[0][0]]))
                                                   if rows[0].get("processedAt") else None)
                else:
                    result["outcomes"] = [r.get("outcome") for r in rows]
                    result["latency_commit_ms"] = [round(1000 * (r["processedAt"] - sent3[b[0]]))
                                                   if r.get("processedAt") else None for b, r in zip(bigs, rows)]
                results.append(result)
        finally:
            stop_gateway(proc)
            meter.stop = True
        # the profile covers the whole gateway run (flood and paced); printed on the flood result
        for r in results[1:]:
            r.pop("profile_top", None); r.pop("samples_by_thread", None)
        results[0]["profile_top"], results[0]["samples_by_thread"] = work_profile(jfr)
        if args.db_profile:
            results[0]["statements_top"] = statement_profile(os.path.join(work, "statements.log"),
                                                             sum(r.get("mails", 0) for r in results))
    finally:
        dovecot.close()
        sink.close()
    if not os.environ.get("BENCH_KEEP"):
        shutil.rmtree(work, ignore_errors=True)
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--servers", default="greenmail,dovecot", help="comma-separated: greenmail, dovecot")
    ap.add_argument("--count", type=int, default=5000, help="Dovecot flood corpus size (default 5000)")
    ap.add_argument("--greenmail-count", type=int, default=1000, help="GreenMail corpus size (default 1000)")
    ap.add_argument("--warmup", type=int, default=1000, help="mails counted as warm-up (default 1000)")
    ap.add_argument("--feeders", type=int, default=4)
    ap.add_argument("--paced-rate", type=float, default=20, help="mails/s offered in the paced run (default 20)")
    ap.add_argument("--paced-seconds", type=int, default=60, help="length of the paced run; 0 skips it (default 60)")
    ap.add_argument("--big-mb", type=int, default=25,
                    help="after the paced run, one mail with an attachment of this many MB; 0 skips (default 25)")
    ap.add_argument("--big-count", type=int, default=1,
                    help="how many such mails, from different senders, sent at the same moment (default 1)")
    ap.add_argument("--no-jfr", dest="jfr", action="store_false",
                    help="no JFR recording (no top frames): peak RSS as in production, without JFR's buffers")
    ap.add_argument("--db-profile", action="store_true",
                    help="log every statement of the gateway's pool in MariaDB's slow log and report the costly shapes "
                         "(Dovecot runs; slows MariaDB: not for the figures)")
    ap.add_argument("--workers", type=int, default=None, help="gateway.intake.workers; default: the gateway's own")
    ap.add_argument("--poll-delay", type=int, default=None, help="gateway.mail.poll-delay ms (default: the packaged 250)")
    ap.add_argument("--outbox-period", type=int, default=None,
                    help="gateway.notification.outbox-period ms (default: the packaged 1000)")
    ap.add_argument("--jvm", default="@deploy/jvm.options",
                    help="JVM options (default: @deploy/jvm.options, the settings the Dockerfile runs with)")
    ap.add_argument("--greenmail-jvm", default="@deploy/jvm.options -Xmx320m",
                    help="JVM options of the GreenMail run (default: as ./mvnw spring-boot:run: the embedded GreenMail "
                         "keeps every mail it holds in the gateway's heap)")
    ap.add_argument("--extra", default="", help="extra --key=value arguments for the gateway")
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "bench", "gen_corpus.py"))
    ap.add_argument("--corpus-cache", default=os.path.join(ROOT, "target", "bench-corpus"),
                    help="where generated corpora are kept between runs (default target/bench-corpus)")
    ap.add_argument("--jar", default=None)
    ap.add_argument("--timeout", type=int, default=600, help="seconds to wait for every outcome per run")
    ap.add_argument("--out", default=None, help="also write the JSON result to this file")
    args = ap.parse_args()
    args.jar = args.jar or sorted(glob.glob(os.path.join(ROOT, "target", "persocontact-gateway-*.jar")))[0]
    gen = os.path.abspath(args.corpus)
    result = {"started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "cores": os.cpu_count(),
              "load_avg_before": [round(x, 1) for x in os.getloadavg()], "jvm": args.jvm or "(jar defaults)", "greenmail_jvm": args.greenmail_jvm,
              "runs": []}
    began = time.time()
    servers = args.servers.split(",")
    if "greenmail" in servers:
        result["runs"].append(run_greenmail(args, gen))
    if "dovecot" in servers:
        result["runs"].extend(run_dovecot(args, gen))
    result["load_avg_after"] = [round(x, 1) for x in os.getloadavg()]
    result["total_s"] = round(time.time() - began)
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        open(args.out, "w").write(text + "\n")
    if not all(r["one_outcome"] for r in result["runs"]):
        sys.exit(2)


if __name__ == "__main__":
    main()
