#!/usr/bin/env bash
# Builds one libFuzzer target: Fuzz/build.sh TARGET  →  .build/fuzz/TARGET
#
# The package's reader sources are compiled straight into the fuzzer binary (with
# -sanitize=fuzzer,address) together with Fuzz/Targets/TARGET.swift, so the entry point sees
# their internal API. ECGModel is compiled once as a separate module because the readers
# `import ECGModel`.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: Fuzz/build.sh header|signal|annotation|record|hdf5|csv}"
out=.build/fuzz
mkdir -p "$out/modules"
flags=(-O -g -parse-as-library -swift-version 6 -sanitize=fuzzer,address)

if [[ ! -f "$out/modules/ECGModel.o" || -n "$(find Sources/ECGModel -newer "$out/modules/ECGModel.o")" ]]; then
    swiftc "${flags[@]}" -wmo -module-name ECGModel -emit-module -emit-module-path "$out/modules/ECGModel.swiftmodule" \
        -c Sources/ECGModel/*.swift -o "$out/modules/ECGModel.o"
fi

case "$target" in
    header|signal|annotation|record)
        sources=(Sources/WFDB/*.swift Sources/WFDB/SignalFormats/*.swift)
        libs=(-I Sources/CFLAC -lFLAC) ;;
    hdf5)
        sources=(Sources/HDF5Tracings/*.swift)
        libs=(-I Sources/CHDF5 $(pkg-config --cflags-only-I hdf5-serial | sed 's/-I/-Xcc -I/g') $(pkg-config --libs hdf5-serial)) ;;
    csv)
        sources=(Sources/Datasets/CSVReader.swift Sources/Datasets/CSVTable.swift Sources/Datasets/DatasetError.swift)
        libs=() ;;
    *) echo "unknown target $target" >&2; exit 2 ;;
esac

swiftc "${flags[@]}" -module-name "Fuzz_$target" -I "$out/modules" \
    "${sources[@]}" Fuzz/Targets/Common.swift "Fuzz/Targets/$target.swift" "$out/modules/ECGModel.o" "${libs[@]}" \
    -o "$out/$target"
echo "$out/$target"
