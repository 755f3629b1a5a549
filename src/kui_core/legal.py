"""Legal bases cited by the rules.

Every rule names its source: the law (or guidance, or municipal strategy), the paragraph, a
short title and, where public and known, a URL. Consolidated acts are cited by their LBK number.
"""

from __future__ import annotations

import attrs

from . import _validators as v

__all__ = ["LegalBasis"]

_KUI_LAW = "LBK nr. 953 af 12/08/2024"
_KUI_URL = "https://www.retsinformation.dk/eli/lta/2024/953"
_BARNETS_LOV = "Barnets lov, LBK nr. 282 af 2025"
_BARNETS_LOV_URL = "https://www.retsinformation.dk/eli/lta/2025/282"


@attrs.frozen
class LegalBasis:
    """Where a rule comes from: ``law``, ``paragraph``, short ``title``, optional ``url``."""

    law: str = attrs.field(validator=v.is_str)
    paragraph: str | None = attrs.field(validator=v.is_optional_str)
    title: str = attrs.field(validator=v.is_str)
    url: str | None = attrs.field(default=None, validator=v.is_optional_str)

    def __str__(self) -> str:
        where = f"{self.law} {self.paragraph}" if self.paragraph else self.law
        return f"{where} ({self.title})"


KUI_AGE_LIMIT = LegalBasis(
    _KUI_LAW,
    "§ 2 k",
    "Lov om kommunal indsats for unge under 25 år: målgruppen under 25 år",
    _KUI_URL,
)
KUI_PURPOSE = LegalBasis(
    _KUI_LAW,
    "§ 1 og § 2 k",
    "Formål: alle unge gennemfører en erhvervskompetencegivende uddannelse",
    _KUI_URL,
)
KUI_DUTY = LegalBasis(
    _KUI_LAW,
    "§ 2 a, stk. 1",
    "Uddannelsespligt for 15–17-årige; planen beskriver hvordan",
    _KUI_URL,
)
KUI_PLAN = LegalBasis(_KUI_LAW, "§ 2 c", "Uddannelsesplanen", _KUI_URL)
KUI_EVALUATION = LegalBasis(
    _KUI_LAW, "§ 10", "Årlig evaluering; offentliggørelse af mål og resultater", _KUI_URL
)
OUTREACH = LegalBasis(
    "Undervisningsministeriet (uvm.dk)",
    None,
    "Vejledning af unge uden for skolen: opsøgende indsats for 15–24-årige",
)
OUTREACH_MIN_AGE = LegalBasis(
    "Undervisningsministeriet (uvm.dk)",
    None,
    "Opsøgende vejledning fra 15 år; den nedre grænse er kommunal praksis (Policy.min_age)",
)
DUTY_WORK = LegalBasis(
    "Pligtbekendtgørelsen, BEK nr. 1014 af 2019",
    "§ 5",
    "Lønnet arbejde på mindst 18 timer om ugen opfylder pligten",
    "https://www.retsinformation.dk/eli/lta/2019/1014",
)
DUTY_DEADLINES = LegalBasis(
    "Undervisningsministeriet (uvm.dk)",
    None,
    "En 15–17-årig der ikke følger planen kontaktes inden 5 hverdage og tilbydes ny aktivitet"
    " inden 30 dage",
)
ESBJERG = LegalBasis(
    "Esbjerg Kommune, strategi for den kommunale ungeindsats",
    None,
    "Den unge for bordenden; tydelige mål; alle indsatser understøtter uddannelses-/jobmålet",
)
FOLLOW_UP = LegalBasis(
    "Kommunale strategier (Esbjerg, Lejre)",
    None,
    "Systematisk opfølgning med dokumentation og måling",
)
COORDINATOR = LegalBasis(
    "Undervisningsministeriet (uvm.dk), Den sammenhængende kommunale ungeindsats;"
    " Klar til kontaktpersonordning (2019)",
    None,
    "Én kontaktperson gennem hele forløbet, på tværs af forvaltninger (Esbjerg, Lejre)",
)
TRANSITION = LegalBasis(
    "Kommunale strategier (Esbjerg, Lejre)",
    None,
    "Ingen går tabt i overgangene mellem tilbud",
)
IN_CARE_PLAN = LegalBasis(
    _BARNETS_LOV,
    "§ 108 a og § 109",
    "Ungeplan for anbragte unge fra 16 år, udarbejdet inden 3 måneder",
    _BARNETS_LOV_URL,
)
