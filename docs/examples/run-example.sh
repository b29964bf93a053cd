#!/usr/bin/env bash
# Builds and tests the example plugin (docs/examples/nca-example-plugin), installs it into a
# fresh plugin folder and checks that the nca distribution lists its two extensions and trains
# the example's tiny recipe with them.
#
# Needs nca built and installed first (`mvn -B install` at the repository root): nca-api and
# nca-testkit in the local Maven repository, and the distribution in distribution/target/nca.
#
# Environment:
#   MAVEN_ARGS  extra arguments for mvn, e.g. "-o" to build offline (Maven 3.9+ also reads this
#               variable itself; flags such as -o or -q given twice are harmless)
#   KEEP_RUN    set to 1 to keep the temporary folder (plugin folder, run folder, logs)
#
# Exits 0 when everything checks out, 1 with a message saying what failed otherwise.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."

example=docs/examples/nca-example-plugin
recipe=$example/recipes/tiny-example.toml
nca=distribution/target/nca/bin/nca
plugin_id=example-extensions
plugin_version=1.0.0
activation=softplus
loss=huber

fail() {
    echo "run-example: FAILED: $*" >&2
    exit 1
}

[ -x "$nca" ] || fail "$nca does not exist; build nca first with 'mvn -B install' at the repository root"

work=$(mktemp -d "${TMPDIR:-/tmp}/nca-example.XXXXXX")
ok=0
cleanup() {
    if [ "$ok" = 1 ] && [ "${KEEP_RUN:-0}" != 1 ]; then
        rm -rf "$work"
    else
        echo "run-example: outputs kept in $work" >&2
    fi
}
trap cleanup EXIT

echo "run-example: building and testing $example"
# MAVEN_ARGS is split into words on purpose (it may hold several arguments)
# shellcheck disable=SC2086
mvn -B ${MAVEN_ARGS:-} -f "$example/pom.xml" verify \
    || fail "building or testing the example plugin failed (see the Maven output above)"

jar=$example/target/nca-example-plugin-$plugin_version.jar
[ -f "$jar" ] || fail "the build did not produce $jar"

# Install the plugin the way a user does: its jar alone in a plugin folder. (Not --plugins on
# target/ itself: the host would also try to load classes/, test-classes/, ... as plugins.)
mkdir "$work/plugins"
cp "$jar" "$work/plugins/"

echo "run-example: nca plugins --plugins $work/plugins"
"$nca" plugins -q --plugins "$work/plugins" > "$work/plugins.txt" \
    || fail "'nca plugins' exited with status $? (output in $work/plugins.txt)"
grep -Eq "^  $plugin_id +$plugin_version .* started\$" "$work/plugins.txt" \
    || fail "'nca plugins' does not list plugin $plugin_id as started:"$'\n'"$(cat "$work/plugins.txt")"
for name in "$activation" "$loss"; do
    grep -Eq "^  $name +$plugin_id " "$work/plugins.txt" \
        || fail "'nca plugins' does not list the extension '$name' of $plugin_id:"$'\n'"$(cat "$work/plugins.txt")"
done
grep -q '^Problems (0): none$' "$work/plugins.txt" \
    || fail "'nca plugins' reports problems:"$'\n'"$(sed -n '/^Problems/,$p' "$work/plugins.txt")"

echo "run-example: nca train $recipe"
"$nca" train -q --plugins "$work/plugins" "$recipe" --output "$work/runs" > "$work/train.json" \
    || fail "'nca train $recipe' exited with status $? (see its messages above)"

shopt -s nullglob
runs=("$work"/runs/tiny-example-*)
shopt -u nullglob
[ "${#runs[@]}" = 1 ] || fail "expected one run folder in $work/runs, found ${#runs[@]}"
run=${runs[0]}
[ -s "$run/metrics.jsonl" ] || fail "the run wrote no metrics: $run/metrics.jsonl is missing or empty"
for extension in "Activation:$activation" "LossFunction:$loss"; do
    grep -Eq "\"$extension\" *: *\"$plugin_id $plugin_version\"" "$run/provenance.json" \
        || fail "$run/provenance.json does not record $extension from $plugin_id $plugin_version"
done

echo "run-example: OK: $plugin_id built and tested; $activation and $loss listed and used for" \
    "$(wc -l < "$run/metrics.jsonl") epochs ($(cat "$work/train.json"))"
ok=1
