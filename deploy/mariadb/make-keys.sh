#!/usr/bin/env bash
# Makes the keys of MariaDB's file_key_management plugin in DIR (default ./encryption): keys.enc (key ids
# and 256-bit keys, encrypted) and keyfile.key (the key that decrypts keys.enc). Run once; keep both files
# out of backups of the data, and back them up apart (without them the data cannot be read).
# A second run adds a new key id to the existing ones (rotation, see the README) and never drops one.
set -euo pipefail
dir="${1:-./encryption}"
owner="${2:-999:999}"   # the mysql user of the official MariaDB image; on a Debian host: mysql:mysql
mkdir -p "$dir"
umask 077
plain="$(mktemp)"
trap 'rm -f "$plain"' EXIT
if [[ -f "$dir/keys.enc" ]]; then
  openssl enc -d -aes-256-cbc -md sha1 -pass "file:$dir/keyfile.key" -in "$dir/keys.enc" -out "$plain" 2>/dev/null
else
  openssl rand -hex 128 > "$dir/keyfile.key"
fi
last="$(cut -d';' -f1 "$plain" | sort -n | tail -1)"
next=$(( ${last:-0} + 1 ))
echo "$next;$(openssl rand -hex 32)" >> "$plain"
# the key derivation the plugin reads (OpenSSL's legacy EVP_BytesToKey with SHA-1: openssl warns about it;
# the file key is 128 random bytes, so the derivation adds no weakness)
openssl enc -aes-256-cbc -md sha1 -pass "file:$dir/keyfile.key" -in "$plain" -out "$dir/keys.enc.new" 2>/dev/null
mv "$dir/keys.enc.new" "$dir/keys.enc"
chmod 0500 "$dir"
chmod 0400 "$dir/keys.enc" "$dir/keyfile.key"
chown -R "$owner" "$dir" 2>/dev/null || echo "could not chown $dir to $owner: do it as root" >&2
echo "key ids in $dir/keys.enc: $(cut -d';' -f1 "$plain" | tr '\n' ' ')(newest: $next)"
