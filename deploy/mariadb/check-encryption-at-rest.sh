#!/usr/bin/env bash
# Checks encryption.cnf against a real MariaDB server: starts a throw-away mariadbd on a socket in a temp
# folder with the keys of make-keys.sh, and shows that (1) tables are encrypted with the key file's key,
# (2) their words are nowhere in the data files or the redo log in clear, (3) an unencrypted table is
# refused, (4) the rotation the README describes moves a table to a new key id, (5) without its key file
# the server does not open the data. Needs Debian's mariadb-server (or MARIADB_PREFIX pointing at the
# extracted packages, e.g. from `apt-get download mariadb-server mariadb-server-core mariadb-client-core`).
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")" && pwd)"
prefix="${MARIADB_PREFIX:-}"
export LD_LIBRARY_PATH="${prefix}/usr/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
mariadbd="$prefix/usr/sbin/mariadbd"
client="$prefix/usr/bin/mariadb"
[[ -x "$mariadbd" ]] || { echo "no $mariadbd: apt-get install mariadb-server, or set MARIADB_PREFIX"; exit 2; }
work="$(mktemp -d)"
pid=""
cleanup() { [[ -n "$pid" ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
"$mariadbd" --version

"$here/make-keys.sh" "$work/keys" "$(id -u):$(id -g)" >/dev/null
cat > "$work/my.cnf" <<CNF
!include $here/encryption.cnf
[mariadbd]
file_key_management_filename = $work/keys/keys.enc
file_key_management_filekey = FILE:$work/keys/keyfile.key
datadir = $work/data
socket = $work/mysql.sock
skip_networking
plugin_dir = $prefix/usr/lib/mysql/plugin
lc_messages_dir = $prefix/usr/share/mysql
user = $(id -un)
log_bin = $work/data/binlog
CNF
install() {
  "$prefix/usr/bin/mariadb-install-db" --defaults-file="$work/my.cnf" --basedir="$prefix/usr" \
    --auth-root-authentication-method=socket >"$work/install.log" 2>&1 || { cat "$work/install.log"; exit 1; }
}
install

start() {
  "$mariadbd" --defaults-file="$work/my.cnf" >"$work/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 60); do
    "$client" --socket="$work/mysql.sock" -uroot -e 'SELECT 1' >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.5
  done
  return 1
}
stop() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; }
sql() { "$client" --socket="$work/mysql.sock" -uroot -N -e "$1"; }
ok() { echo "ok: $1"; }
fail() { echo "FAILED: $1"; exit 1; }

start || { cat "$work/server.log"; fail "the server starts with encryption.cnf"; }
ok "the server starts with encryption.cnf and the keys of make-keys.sh"
write_secret() {
  sql "CREATE DATABASE gw; CREATE TABLE gw.timeline_entry (id INT PRIMARY KEY, body TEXT) ENGINE=InnoDB;
       INSERT INTO gw.timeline_entry VALUES (1, REPEAT('medischattestgeheim ', 200));"
  sql "FLUSH TABLES gw.timeline_entry FOR EXPORT; UNLOCK TABLES;"
  sleep 2
}
write_secret
scheme=$(sql "SELECT ENCRYPTION_SCHEME, CURRENT_KEY_ID FROM information_schema.INNODB_TABLESPACES_ENCRYPTION WHERE NAME = 'gw/timeline_entry'")
[[ "$scheme" == $'1\t1' ]] || fail "gw/timeline_entry encrypted with key 1 (got '$scheme')"
ok "tables are encrypted (scheme 1, key id 1): $(sql "SELECT COUNT(*) FROM information_schema.INNODB_TABLESPACES_ENCRYPTION WHERE ENCRYPTION_SCHEME = 1") tablespaces"
if grep -rlaq medischattestgeheim "$work/data"; then
  grep -rla medischattestgeheim "$work/data"; fail "the word is nowhere in clear in the data folder"
fi
ok "the word is nowhere in clear in the data folder (tablespaces, redo log, undo, binary log)"
if sql "CREATE TABLE gw.plain (id INT) ENGINE=InnoDB ENCRYPTED=NO" 2>/dev/null; then
  fail "an unencrypted table is refused"
fi
ok "an unencrypted table is refused (innodb_encrypt_tables = FORCE)"
for variable in innodb_encrypt_log innodb_encrypt_temporary_tables encrypt_tmp_disk_tables encrypt_tmp_files \
  encrypt_binlog aria_encrypt_tables; do
  [[ "$(sql "SELECT @@$variable")" == "1" ]] || fail "$variable is ON"
done
ok "redo log, temporary tables and files, binary log and Aria tables are encrypted"
stop

"$here/make-keys.sh" "$work/keys" "$(id -u):$(id -g)" >/dev/null
start || { cat "$work/server.log"; fail "the server starts after a key was added"; }
sql "SET GLOBAL innodb_default_encryption_key_id = 2; ALTER TABLE gw.timeline_entry ENCRYPTION_KEY_ID = 2, FORCE;"
[[ "$(sql "SELECT CURRENT_KEY_ID FROM information_schema.INNODB_TABLESPACES_ENCRYPTION WHERE NAME = 'gw/timeline_entry'")" == "2" ]] \
  || fail "the table moved to key 2"
[[ "$(sql "SELECT COUNT(*) FROM gw.timeline_entry")" == "1" ]] || fail "the data reads after rotation"
ok "rotation: a new key id added, the table rebuilt with it, the data still reads"
stop

mv "$work/keys/keys.enc" "$work/keys/keys.moved"
if start && sql "SELECT COUNT(*) FROM gw.timeline_entry" >/dev/null 2>&1; then
  fail "without the key file the data does not open"
fi
[[ -n "$pid" ]] && stop
ok "without the key file the data does not open: $(grep -m1 -i 'file_key_management\|encrypt' "$work/server.log" | cut -c1-160)"

# The control: the same server and table without encryption.cnf has the word in clear, so the check above
# would have seen it.
rm -rf "$work/data"
sed -i "s|^!include .*||" "$work/my.cnf"
sed -i "s|^file_key_management.*||" "$work/my.cnf"
install
start || { cat "$work/server.log"; fail "the control server starts"; }
write_secret
grep -rlaq medischattestgeheim "$work/data" || fail "control: without encryption the word is in clear"
ok "control: without encryption.cnf the word is in clear in $(grep -rla medischattestgeheim "$work/data" | sed "s|$work/data/||" | tr '\n' ' ')"
stop
echo "encryption.cnf: all checks passed"
