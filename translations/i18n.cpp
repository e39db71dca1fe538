// SPDX-License-Identifier: GPL-3.0-or-later
// Carrier of the embedded .qm catalogues (:/i18n/wxrecon_<lang>.qm).
namespace wxr {
int i18nCatalogueAnchor = 0;
}
