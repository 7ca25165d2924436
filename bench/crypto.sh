#!/usr/bin/env bash
# Encrypts and decrypts SIZE_MIB (default 1024) MiB through Ferry's blob storage classes
# and prints the rates next to `openssl speed -evp aes-256-gcm` (64 KiB blocks, one core)
# measured in the same run. Benchmarks never fail on a time; read the ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MIB="${SIZE_MIB:-1024}"

./mvnw -B -q -DskipTests test-compile >/dev/null
./mvnw -B -q -pl server dependency:build-classpath -Dmdep.outputFile="$PWD/server/target/bench.classpath" >/dev/null
CLASSPATH="server/target/test-classes:server/target/classes:$(cat server/target/bench.classpath)"

echo "java: $(java -version 2>&1 | head -1)"
echo "cpu:  $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') ($(nproc) cores)"
echo "size: ${SIZE_MIB} MiB, data dir under ${TMPDIR:-/tmp}"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
RESULTS="$(java -Xmx256m -cp "$CLASSPATH" dev.ferry.storage.internal.CryptoBenchmark "$SIZE_MIB" 2>/dev/null \
  | grep -E '^[a-z_0-9]+=')"
# openssl prints thousands of bytes per second ("123456.78k") for each block size.
OPENSSL_K="$(openssl speed -evp aes-256-gcm -bytes 65536 -seconds 3 2>/dev/null | tail -1 | awk '{print $NF}')"
OPENSSL_MBPS="$(awk -v k="${OPENSSL_K%k}" 'BEGIN { printf "%.0f", k / 1000 }')"

echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"

value() { grep "^$1=" <<<"$RESULTS" | cut -d= -f2; }
row() {
  awk -v name="$1" -v mbps="$2" -v base="$OPENSSL_MBPS" \
    'BEGIN { printf "%-34s %8d MB/s   %5.2f x openssl\n", name, mbps, mbps / base }'
}
echo
printf '%-34s %8d MB/s\n' "openssl aes-256-gcm (64 KiB blocks)" "$OPENSSL_MBPS"
row "ferry encrypt + write (page cache)" "$(value encrypt_write_mbps)"
row "ferry encrypt + store (with fsync)" "$(value encrypt_store_mbps)"
row "ferry decrypt, sequential" "$(value decrypt_sequential_mbps)"
row "ferry decrypt, random 64 KiB ranges" "$(value decrypt_random_64k_mbps)"
echo "ferry random 64 KiB range: $(value decrypt_random_64k_micros) us each (open, seek, decrypt)"
