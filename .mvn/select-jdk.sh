# Sourced (POSIX sh) by ./mvnw, ./sprintflow and .ci/run: makes sure a JDK >= 21 runs the build.
# Order: JAVA_HOME if it is >= 21; else `java` on PATH if it is >= 21; else the newest JDK >= 21
# found under the usual install folders. Set SPRINTFLOW_JDK_QUIET=1 to silence the notice.

sprintflow_jdk_major() { # $1 = JDK home; prints its feature version, or nothing
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9][0-9]*\).*/\1/p' "$1/release" | head -n 1
  elif [ -x "$1/bin/java" ]; then
    "$1/bin/java" -XshowSettings:properties -version 2>&1 |
      sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
  fi
}

sprintflow_select_jdk() {
  _need=21
  if [ -n "${JAVA_HOME:-}" ]; then
    _v=$(sprintflow_jdk_major "$JAVA_HOME")
    [ -n "$_v" ] && [ "$_v" -ge "$_need" ] && return 0
    echo "sprintflow: JAVA_HOME=$JAVA_HOME is Java ${_v:-?}, older than $_need; looking for a newer JDK" >&2
  elif command -v java >/dev/null 2>&1; then
    _home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    _v=$(sprintflow_jdk_major "$_home")
    [ -n "$_v" ] && [ "$_v" -ge "$_need" ] && return 0
  fi
  _best=; _bestv=0
  case $- in *f*) _noglob=1; set +f ;; *) _noglob= ;; esac # mvnw runs with globbing off
  for _d in /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
            "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$_d/bin/javac" ] || continue
    _v=$(sprintflow_jdk_major "$_d")
    [ -n "$_v" ] && [ "$_v" -ge "$_need" ] && [ "$_v" -gt "$_bestv" ] && { _best=$_d; _bestv=$_v; }
  done
  [ -z "$_noglob" ] || set -f
  if [ -z "$_best" ]; then
    echo "sprintflow: no JDK $_need or newer found. Install one (e.g. 'apt-get install openjdk-21-jdk-headless')" >&2
    echo "            or set JAVA_HOME to it." >&2
    return 1
  fi
  [ -n "${SPRINTFLOW_JDK_QUIET:-}" ] || echo "sprintflow: using JDK $_bestv at $_best (set JAVA_HOME to choose another)" >&2
  JAVA_HOME=$_best
  export JAVA_HOME
}

sprintflow_select_jdk || exit 1
