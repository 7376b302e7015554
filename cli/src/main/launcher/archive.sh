#!/bin/sh
# Package step of cli/pom.xml: puts the launcher beside huizong.jar and records the classes a
# run of `huizong demo` loads (templates, reading, validating, consolidating, the book, the
# narrative) into the class-data-sharing archive huizong.jsa that the launcher uses.
#
#   archive.sh TARGET_DIR JAVA
#
# A JVM that cannot write the archive leaves none, with a warning: the launcher runs without.
set -eu
target=$1
java=$2
here=$(cd "$(dirname "$0")" && pwd -P)
target=$(cd "$target" && pwd -P)
cp "$here/huizong" "$target/huizong"
chmod +x "$target/huizong"
rm -rf "$target/huizong.jsa" "$target/cds-training"
# -Xint: the training run compiles nothing. JDK 17 archives a method that is queued for
# compilation when the archive is written with a flag that keeps every run using the archive
# from ever compiling it (JDK-8306460, fixed in JDK 21); on a busy machine that caught Aalto's
# hottest methods and made `consolidate` through the launcher 1.4-2.5 times slower. Waiting for
# the compiler to go quiet before exiting did not prevent it; compiling nothing does. It costs
# about two minutes here; the classes archived are the same.
if "$java" -Xint "-XX:ArchiveClassesAtExit=$target/huizong.jsa" -Xlog:cds=off,cds+dynamic=off \
        -jar "$target/huizong.jar" demo --out "$target/cds-training" \
        > "$target/cds-training.log" 2>&1 && [ -f "$target/huizong.jsa" ]; then
    echo "class-data-sharing archive: $target/huizong.jsa"
else
    echo "warning: no class-data-sharing archive (see $target/cds-training.log);" \
        "the launcher runs without one" >&2
    rm -f "$target/huizong.jsa"
fi
rm -rf "$target/cds-training"
