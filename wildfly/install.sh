#!/usr/bin/env bash
# Prepares an unpacked WildFly 38 for Keyhold (issue 17): EclipseLink into WildFly's
# org.eclipse.persistence module, Connector/J as the com.mysql module, then keyhold.cli (datasource,
# mail session, timers in the database, Jakarta Security, upload size, MicroProfile Health).
# Usage: wildfly/install.sh /path/to/wildfly-38.0.1.Final   (run once per installation)
set -euo pipefail
WILDFLY_HOME=${1:?usage: install.sh WILDFLY_HOME}
HERE=$(cd "$(dirname "$0")" && pwd)
ECLIPSELINK_VERSION=4.0.8
CONNECTOR_VERSION=$(sed -n 's:.*<mysql-connector.version>\(.*\)</mysql-connector.version>.*:\1:p' "$HERE/../pom.xml")
MODULES="$WILDFLY_HOME/modules/system/layers/base"
jar() { # group artifact version -> the jar's path in the local Maven repository, fetched when absent
  local path="$HOME/.m2/repository/${1//.//}/$2/$3/$2-$3.jar"
  [ -f "$path" ] || mvn -B -q dependency:get -Dartifact="$1:$2:$3" -Dtransitive=false >&2
  echo "$path"
}
if grep -q 'path="eclipselink-' "$MODULES/org/eclipse/persistence/main/module.xml"; then
  echo "Keyhold is installed in $WILDFLY_HOME already"; exit 0
fi
cp "$(jar org.eclipse.persistence eclipselink "$ECLIPSELINK_VERSION")" "$MODULES/org/eclipse/persistence/main/"
cp "$HERE/modules/org/eclipse/persistence/main/module.xml" "$MODULES/org/eclipse/persistence/main/module.xml"
mkdir -p "$MODULES/com/mysql/main"
cp "$(jar com.mysql mysql-connector-j "$CONNECTOR_VERSION")" "$MODULES/com/mysql/main/mysql-connector-j.jar"
cp "$HERE/modules/com/mysql/main/module.xml" "$MODULES/com/mysql/main/"
"$WILDFLY_HOME/bin/jboss-cli.sh" --file="$HERE/keyhold.cli"
echo "Keyhold's resources are in $WILDFLY_HOME (standalone-full.xml)"
