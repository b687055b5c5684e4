#!/usr/bin/env bash
# Make the macOS disk image from the .app that PyInstaller built, signing and notarising it
# when the signing secrets are set (packaging/README.md).
#
#   bash packaging/macos/make-dmg.sh            # after: python scripts/build_dist.py
#
# Reads:  dist/SIRT Desktop.app
# Writes: dist/SIRT-Desktop-<version>-<arch>.dmg (the app and a link to /Applications)
#
# Signing (all three must be set, or nothing is signed and the image says so when opened):
#   MACOS_SIGNING_IDENTITY   "Developer ID Application: <Name> (<TEAMID>)", in the login keychain
#   MACOS_NOTARY_PROFILE     a notarytool keychain profile (xcrun notarytool store-credentials)
set -euo pipefail
cd "$(dirname "$0")/../.."

APP="dist/SIRT Desktop.app"
[[ -d "$APP" ]] || { echo "make-dmg: $APP is missing: run python scripts/build_dist.py first" >&2; exit 1; }
VERSION=$(/usr/libexec/PlistBuddy -c "Print :CFBundleShortVersionString" "$APP/Contents/Info.plist")
ARCH=$(uname -m)
DMG="dist/SIRT-Desktop-${VERSION}-${ARCH}.dmg"

if [[ -n "${MACOS_SIGNING_IDENTITY:-}" ]]; then
  # Inside out: every library and the program, with the hardened runtime and a timestamp,
  # as notarisation requires.
  find "$APP/Contents" -type f \( -name '*.so' -o -name '*.dylib' \) -print0 |
    xargs -0 codesign --force --timestamp --options runtime --sign "$MACOS_SIGNING_IDENTITY"
  codesign --force --timestamp --options runtime \
    --entitlements packaging/macos/entitlements.plist --sign "$MACOS_SIGNING_IDENTITY" "$APP"
  codesign --verify --deep --strict --verbose=2 "$APP"
fi

STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
rm -f "$DMG"
hdiutil create -volname "SIRT Desktop" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG"

if [[ -n "${MACOS_SIGNING_IDENTITY:-}" ]]; then
  codesign --force --timestamp --sign "$MACOS_SIGNING_IDENTITY" "$DMG"
  if [[ -n "${MACOS_NOTARY_PROFILE:-}" ]]; then
    xcrun notarytool submit "$DMG" --keychain-profile "$MACOS_NOTARY_PROFILE" --wait
    xcrun stapler staple "$DMG"
    spctl --assess --type open --context context:primary-signature --verbose "$DMG"
  fi
else
  echo "make-dmg: MACOS_SIGNING_IDENTITY not set: $DMG is unsigned (Gatekeeper will warn)"
fi
echo "$DMG"
