# deps.sh - sourced by scripts/run and scripts/test: installs the Debian packages a build
# (and, with "test", the test suite) needs, when missing. Safe to run any number of times.
mesoscreen_deps() {
    # cairo, pango and the DejaVu fonts: the PDF module (-DMESOSCREEN_PDF=OFF builds without);
    # libcurl: the FHIR delivery module (-DMESOSCREEN_FHIR=OFF builds without).
    local pkgs="cmake make gcc pkg-config libyaml-dev libncurses-dev libjansson-dev
        libcairo2-dev libpango1.0-dev fonts-dejavu-core libcurl4-openssl-dev"
    if [ "${1:-}" = test ]; then
        pkgs="$pkgs clang clang-format libclang-rt-dev libcmocka-dev tmux jq dpkg-dev file
            poppler-utils openssl"
    fi
    local missing=""
    for p in $pkgs; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
            missing="$missing $p"
    done
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" -eq 0 ]; then
        echo "Installing:$missing" >&2
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >&2
    else
        echo "Missing Debian packages. Install them with:" >&2
        echo "  sudo apt-get install -y$missing" >&2
        return 1
    fi
}
