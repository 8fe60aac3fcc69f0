"""The words an organ's name is made of: what tells 'Välfärdsnämnden', 'Kommunstyrelsens
arbetsutskott' or 'Rådet för funktionshindrade' from a title that mentions one."""

from __future__ import annotations

# Any organ that meets, as the last part of its name (its definite and genitive endings aside):
# nämnd, beredning, styrelse, fullmäktige, utskott, sektion, råd (rådet), direktion, kommission,
# delegation, presidium
ORGAN_WORDS = (
    "nämnd",
    "beredning",
    "styrelse",
    "fullmäktige",
    "utskott",
    "sektion",
    "råd",
    "direktion",
    "kommission",
    "delegation",
    "presidium",
)
ORGAN_ALTERNATIVES = "|".join(ORGAN_WORDS)  # for a regex: 'nämnd|beredning|…'
# the same, for a name found in running text: 'råd' in its definite form only, as a bare 'råd'
# ends many words that name no organ ('Fokusområden', 'förråd', 'samråd')
NAMED_ALTERNATIVES = "|".join("rådet" if word == "råd" else word for word in ORGAN_WORDS)
