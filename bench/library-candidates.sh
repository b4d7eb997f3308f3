#!/usr/bin/env bash
# SnakeYAML 2.7 as the partition module's YAML reader and writer, and Jackson as the writer of
# build-info.json, measured against the project's own code (docs/yaml-and-json.md). The candidates
# (bench/library-candidates/) are compiled here against the modules' classes, not by Maven: nothing
# of them ships.
#   1. writer: the golden expected files re-emitted; 300 random trees against YamlWriter and PyYAML
#   2. reader: the .yml corpus, the pinned diagnostics of YamlReaderTest, the nesting limits
#   3. first parse and first write in fresh JVMs (wall and thread CPU), 7 runs each
#   4. CLI place: the reference partition_manager.py, the CLI jar, and the CLI jar with YamlReader
#      and YamlWriter delegating to the candidate, alternately on the 200-partition workload
#   5. build-info.json: JsonText against Jackson, same bytes, first render in fresh JVMs
# Needs: ./mvnw -B -q -pl bench -am package -DskipTests (partition and core classes, partition test
# classes, CLI jar, benchmarks.jar) and org.yaml:snakeyaml:2.7 in ~/.m2 (./mvnw org.apache.maven.plugins:
# maven-dependency-plugin:3.8.1:get -Dartifact=org.yaml:snakeyaml:2.7); python3 with PyYAML.
# Usage: bench/library-candidates.sh /path/to/sdk-nrf/scripts [cli runs, default 20]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scripts="${1:?usage: bench/library-candidates.sh /path/to/sdk-nrf/scripts [runs]}"
runs="${2:-20}"
m2="${HOME}/.m2/repository"
snake="$m2/org/yaml/snakeyaml/2.7/snakeyaml-2.7.jar"
junit="$m2/org/junit/jupiter/junit-jupiter-api/5.14.4/junit-jupiter-api-5.14.4.jar:$m2/org/junit/jupiter/junit-jupiter-params/5.14.4/junit-jupiter-params-5.14.4.jar:$m2/org/opentest4j/opentest4j/1.3.0/opentest4j-1.3.0.jar:$m2/org/junit/platform/junit-platform-commons/1.14.4/junit-platform-commons-1.14.4.jar"
classes="$root/partition/target/classes"
cli_jar=$(ls "$root"/partition/target/partition-*-cli.jar | head -1)
for f in "$snake" "$classes" "$root/partition/target/test-classes" "$cli_jar" "$root/bench/target/benchmarks.jar" "$scripts/partition_manager.py"; do
  [[ -e "$f" ]] || { echo "library-candidates: missing $f (see the header of this script)" >&2; exit 2; }
done
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp="$work/classes:$classes:$root/partition/target/test-classes:$root/testkit/target/classes:$snake:$junit"
mkdir -p "$work/classes" "$work/trees"
javac -nowarn -d "$work/classes" -cp "$cp" "$root"/bench/library-candidates/io/multiimage/partition/*.java 2>&1 | grep -v '^warning\|^Note' || true

echo "== 1. writer"
(cd "$root" && java -cp "$cp" io.multiimage.partition.WriterCompare "$work/trees" | grep -E '^(golden|random trees)')
python3 - "$work/trees" <<'PY'
import sys, yaml
def hexint(dumper, data):
    return dumper.represent_int(hex(data))
yaml.add_representer(int, hexint)
d = sys.argv[1]; n = hand = snake = 0
for seed in range(300):
    h = open(f'{d}/{seed}.hand.yml').read(); s = open(f'{d}/{seed}.snake.yml').read()
    if '\\uD83D' in h:
        continue  # a non-BMP character: Java writes UTF-16 escapes PyYAML reads as two characters
    n += 1; py = yaml.dump(yaml.safe_load(h))
    hand += py != h; snake += py != s
print(f'random trees against PyYAML {yaml.__version__} yaml.dump ({n} without non-BMP text): hand-written differs on {hand}, candidate on {snake}')
PY

echo "== 2. reader"
(cd "$root" && java -cp "$cp" io.multiimage.partition.ReaderCompare > "$work/reader.txt")
grep -E '^(corpus|rejected\(\)|deep|block deep)' "$work/reader.txt"
echo "  the pinned diagnostics the candidate reports otherwise:"
grep -E '^(WORDING|LINE|ACCEPTED|CRASH)' "$work/reader.txt" | sed 's/^/  /'

echo "== 3. first use in a fresh JVM (190-line partitions.yml, launcher options)"
file="$root/partition/src/test/resources/golden/b0-s0-s1-mcuboot-app/expected/partitions.yml"
for _ in 1 2 3 4 5 6 7; do
  for kind in hand snake; do
    java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$work/classes:$classes:$snake" io.multiimage.partition.FirstUse "$kind" "$file"
  done
done | sort

echo "== 4. CLI place"
mkdir -p "$work/src" "$work/cli-classes" "$work/jar"
# YamlReader and YamlWriter of the module, changed to delegate to the candidate
sed 's|return YamlTextParser.parseWithKeyLines(text);|return SnakeReader.parseWithKeyLines(label, text);|; /} catch (YamlTextParser.TooDeep e) {/,/^        }$/d; s|        try {$||' \
  "$root/partition/src/main/java/io/multiimage/partition/YamlReader.java" > "$work/src/YamlReader.java"
grep -q 'SnakeReader.parseWithKeyLines' "$work/src/YamlReader.java"
sed 's|    public static String write(Map<String, ?> root) {|    public static String write(Map<String, ?> root) {\n        return SnakeWriter.write(root);\n    }\n\n    static String formerWrite(Map<String, ?> root) {|' \
  "$root/partition/src/main/java/io/multiimage/partition/YamlWriter.java" > "$work/src/YamlWriter.java"
javac -nowarn -d "$work/cli-classes" -cp "$classes:$snake" "$work/src/YamlReader.java" "$work/src/YamlWriter.java" \
  "$root"/bench/library-candidates/io/multiimage/partition/Snake*.java 2>&1 | grep -v '^warning\|^Note' || true
(cd "$work/jar" && unzip -q -o "$cli_jar" && unzip -q -o "$snake" -x 'META-INF/*' && cp -r "$work/cli-classes/io" . \
  && jar --create --file "$work/candidate-cli.jar" --manifest META-INF/MANIFEST.MF .)
java -cp "$root/bench/target/benchmarks.jar" io.multiimage.bench.partition.PartitionWorkload "$work"
read -r -a region_args < "$work/place.args"
mkdir -p "$work/ref" "$work/hand" "$work/snake"
now_ms() { date +%s%3N; }
declare -a R H S
for ((i = 1; i <= runs; i++)); do
  t0=$(now_ms)
  /usr/bin/time -a -o "$work/ref.cpu" -f "%U %S" python3 "$scripts/partition_manager.py" --input-files "$work/pm.yml" \
    --output-partitions "$work/ref/partitions.yml" --output-regions "$work/ref/regions.yml" "${region_args[@]}" > /dev/null
  t1=$(now_ms)
  PARTITION_MANAGER_JAR="$cli_jar" /usr/bin/time -a -o "$work/hand.cpu" -f "%U %S" "$root/bin/partition-manager" place \
    --input-files "$work/pm.yml" --output-partitions "$work/hand/partitions.yml" --output-regions "$work/hand/regions.yml" \
    "${region_args[@]}" > /dev/null
  t2=$(now_ms)
  PARTITION_MANAGER_JAR="$work/candidate-cli.jar" /usr/bin/time -a -o "$work/snake.cpu" -f "%U %S" "$root/bin/partition-manager" place \
    --input-files "$work/pm.yml" --output-partitions "$work/snake/partitions.yml" --output-regions "$work/snake/regions.yml" \
    "${region_args[@]}" > /dev/null
  t3=$(now_ms)
  R+=($((t1 - t0))); H+=($((t2 - t1))); S+=($((t3 - t2)))
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
cpu() { awk '{print ($1 + $2) * 1000}' "$work/$1.cpu" | median; }
echo "$runs runs each; wall median / CPU (user+sys) median:"
echo "  reference partition_manager.py  $(printf '%s\n' "${R[@]}" | median) ms / $(cpu ref) ms"
echo "  CLI, hand-written YAML          $(printf '%s\n' "${H[@]}" | median) ms / $(cpu hand) ms"
echo "  CLI, SnakeYAML candidate        $(printf '%s\n' "${S[@]}" | median) ms / $(cpu snake) ms"
for t in hand snake; do
  for f in partitions.yml regions.yml; do
    cmp -s "$work/ref/$f" "$work/$t/$f" && echo "  $t $f: byte-identical to the reference" || echo "  $t $f: DIFFERENT"
  done
done

echo "== 5. build-info.json: JsonText against Jackson"
jackson="$m2/com/fasterxml/jackson/core/jackson-databind/2.22.4/jackson-databind-2.22.4.jar:$m2/com/fasterxml/jackson/core/jackson-core/2.22.4/jackson-core-2.22.4.jar:$(ls "$m2"/com/fasterxml/jackson/core/jackson-annotations/2.22*/jackson-annotations-*.jar | head -1)"
mkdir -p "$work/json-classes"
javac -nowarn -d "$work/json-classes" -cp "$root/core/target/classes:$jackson" \
  "$root"/bench/library-candidates/io/multiimage/core/pipeline/JsonFirstUse.java
json_cp="$work/json-classes:$root/core/target/classes:$jackson"
java -cp "$json_cp" io.multiimage.core.pipeline.JsonFirstUse hand print | tail -n +2 > "$work/hand.json"
java -cp "$json_cp" io.multiimage.core.pipeline.JsonFirstUse jackson print | tail -n +2 > "$work/jackson.json"
cmp -s "$work/hand.json" "$work/jackson.json" && echo "  build-info.json: byte-identical" || echo "  build-info.json: DIFFERENT"
for _ in 1 2 3 4 5 6 7; do
  for kind in hand jackson; do java -cp "$json_cp" io.multiimage.core.pipeline.JsonFirstUse "$kind"; done
done | sort
