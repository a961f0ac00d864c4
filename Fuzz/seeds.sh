#!/usr/bin/env bash
# Fills .build/fuzz/corpus/TARGET with seeds from Signals/ and generated files.
# Usage: Fuzz/seeds.sh TARGET
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: Fuzz/seeds.sh TARGET}"
dir=.build/fuzz/corpus/$target
mkdir -p "$dir"
case "$target" in
    header)
        cp Signals/*.hea "$dir"/
        printf 'multi/3 2 360 1000 10:00:00 01/01/2000\nlayout 0\nseg1 600\n~ 400\n# comment\n' > "$dir/gen-multi.hea"
        printf 'flac 2 500/1000:5(-3) 1200 12:30:00.5\r\nflac.dat 516x2:3+4 200.5(-10)/uV 16 0 -5 1234 0 I\r\nflac.dat 516 0/mV 16 0 0 0 0 II\r\n' > "$dir/gen-crlf.hea"
        printf 'latin 1 128\nlatin.dat 212 100/\xb5V 12 0 0 0 0 V1\n#age: 42 \xe9\n' > "$dir/gen-latin1.hea" ;;
    signal)
        # format index, signal count, shape flags, declared count (LE16), then file bytes.
        i=0
        for dat in Signals/sinus-normal.dat Signals/pvc-bigeminy.dat Signals/flat-lead.dat; do
            for f in 0 1 2 3 4 5 6 7 8 9 10 11 12; do
                { printf "\\x$(printf %02x $f)\\x0$((i % 4))\\x$(printf %02x $((f * 17 % 256)))\\x40\\x00"; head -c 1024 "$dat"; } > "$dir/seed-$i-$f"
            done
            i=$((i + 1))
        done ;;
    record)
        # header text, NUL, signal file bytes.
        for name in sinus-normal pvc-bigeminy flat-lead; do
            { cat Signals/$name.hea; printf '\0'; head -c 2048 Signals/$name.dat; } > "$dir/$name"
        done
        { printf 'r 2 250 300\nr.dat 212 200 12 0 0 0 0 I\nr.dat 212 200 12 0 0 0 0 II\n\0'; head -c 900 Signals/sinus-normal.dat; } > "$dir/gen-212"
        { printf 'r 2 360\nr.dat 8x2:1+3 200 8 0 5 0 0 A\ns.dat 310:2 100 10 0 0 0 0 B\n\0'; head -c 900 Signals/pac.dat; } > "$dir/gen-8-310"
        { printf 'r 1 500 100\nr.dat 516 200 16 0 0 0 0 I\n\0'; head -c 600 Signals/pac.dat; } > "$dir/gen-flac" ;;
    annotation)
        # MIT format: 16-bit LE words, code << 10 | time; 59 = SKIP (+4 bytes), 63 = AUX, 0 = end.
        printf '\x64\x04\x2c\x05\x00\x00' > "$dir/beats"
        printf '\x00\xec\x00\x00\x10\x00\x64\x04\x03\xfc\x41\x42\x43\x00\x00\x00' > "$dir/skip-aux"
        printf '\x64\x04\x00\xf4\x02\x00\x00\xf8\x01\x00\x00\xfc\x00\x00' > "$dir/sub-chn-num" ;;
    csv)
        printf 'subject_id,study_id,ecg_time,path\n10000032,40689238,2180-07-23 08:44:00,files/p1000/p10000032/s40689238/40689238\n' > "$dir/record_list.csv"
        printf 'a,"b ""q""",c\r\n1,"x\r\ny",3\r\n' > "$dir/quoted.csv"
        printf 'study_id,path\n,\n"unterminated\n' > "$dir/broken.csv" ;;
    hdf5)
        # flags (rank-1, exam-id choice, element type), dims…, lead count, options, values.
        printf '\x06\x02\x10\x0c\x0b\x00\x01\x02\x03\x04\x05' > "$dir/code15-like"
        printf '\x16\x01\x04\x08\x03\x03\x7f\x80' > "$dir/float64-lead-sample"
        printf '\x25\x03\x00\x02\x01\x04\x00\x00\x00' > "$dir/int64-empty-samples" ;;
    *) echo "unknown target $target" >&2; exit 2 ;;
esac
echo "$dir"
