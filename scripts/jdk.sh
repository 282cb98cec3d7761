# Sourced by the other scripts: exports JAVA_HOME for a JDK >= 21 (the machine's default java may be 17).
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
pick_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  command -v java >/dev/null 2>&1 && candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  for d in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do [ -x "$d/bin/javac" ] && candidates+=("$d"); done
  local best="" best_v=0 v
  for d in "${candidates[@]}"; do
    [ -x "$d/bin/javac" ] || continue
    v=$(java_major "$d"); v=${v%%.*}
    if [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best="$d"; best_v="$v"; fi
  done
  if [ -z "$best" ]; then
    echo "Rollcall needs a JDK >= 21 (found none in JAVA_HOME, PATH or /usr/lib/jvm). Install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+." >&2
    return 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
}
pick_jdk
