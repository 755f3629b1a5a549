"""The sources the rules rest on, each saying what kind of authority it is.

A rule of the catalogue (:data:`kui_core.RULES`) cites one or more :class:`LegalBasis` entries.
Each says its :class:`SourceKind` — statute, executive order, ministry guidance, political
agreement, municipal strategy, statistical practice or the library's own convention — so nobody
reads a municipal strategy as law: reports say "Hjemmel" (legal basis) only for statutes and
executive orders and "Kilde" (source) for everything else.

A source is ``verified`` only where its ``quote`` was read in the source itself (``url``) on
``checked_on``. Where a paragraph could not be read, the source says so (``verified=False``)
instead of guessing a number. The docs page "Legal sources" lists them all.
"""

from __future__ import annotations

import datetime as _dt
import enum
import types
from collections.abc import Mapping
from typing import Any

import attrs

from . import validators as v
from .errors import DataError

__all__ = ["EARLIER", "KUI_FROM", "LegalBasis", "SourceKind"]


class SourceKind(enum.StrEnum):
    """What kind of authority a source is. Only statutes and executive orders are law."""

    STATUTE = "statute"
    """A law (lov) or a consolidated act (lovbekendtgørelse)."""
    EXECUTIVE_ORDER = "executive_order"
    """An executive order (bekendtgørelse) issued under a law."""
    GUIDANCE = "guidance"
    """A ministry's guidance (vejledning, uvm.dk pages): how the ministry reads the law."""
    MUNICIPAL_STRATEGY = "municipal_strategy"
    """A municipality's own strategy: a choice, not a duty."""
    MUNICIPAL_GUIDANCE = "municipal_guidance"
    """A municipality's information page retelling the law: one municipality's reading."""
    POLITICAL_AGREEMENT = "political_agreement"
    """A political agreement (politisk aftale) between parties: targets, not duties."""
    STATISTICAL_PRACTICE = "statistical_practice"
    """How a statistics authority measures or publishes (Danmarks Statistik, the ministry)."""
    CONVENTION = "convention"
    """kui-core's own convention where no source fixes the answer."""

    @property
    def is_law(self) -> bool:
        """True for statutes and executive orders: a duty can rest on them."""
        return self in (SourceKind.STATUTE, SourceKind.EXECUTIVE_ORDER)

    def label(self, lang: str) -> str:
        """ "Hjemmel"/"Legal basis" for law, "Kilde"/"Source" for every other kind."""
        if lang == "da":
            return "Hjemmel" if self.is_law else "Kilde"
        return "Legal basis" if self.is_law else "Source"


def _verified(instance: LegalBasis, attribute: attrs.Attribute[Any], value: Any) -> None:
    v.is_bool(instance, attribute, value)
    if value and (instance.quote is None or instance.checked_on is None):
        raise DataError(
            "LegalBasis.verified", "a verified source needs the quote and the day it was checked"
        )


def _until(instance: LegalBasis, attribute: attrs.Attribute[Any], value: Any) -> None:
    v.is_optional_date(instance, attribute, value)
    start = instance.in_force_from
    if value is not None and start is not None and value <= start:
        raise DataError(
            "LegalBasis.in_force_until", f"must be after in_force_from ({start.isoformat()})"
        )


@attrs.frozen(kw_only=True)
class LegalBasis:
    """One source a rule rests on.

    ``law`` names the act, order, page or strategy (with its number and date where it has one),
    ``paragraph`` the provision (``None`` where the source has none, or where it could not be
    verified), ``title`` says in a line what the source says. ``quote`` is the exact wording that
    supports the rule, ``url`` where it can be read, ``checked_on`` the day the quote was checked
    against it. ``verified`` is true only where all of that holds; ``note`` says what is
    uncertain (an unverified paragraph, a disagreement between sources). ``in_force_from`` and
    ``in_force_until`` bound the days the source applies (half-open, as a
    :class:`~kui_core.Period`; ``None`` where no bound is known or needed): a finding cites the
    sources in force on its reference day.
    """

    kind: SourceKind = attrs.field(validator=v.is_instance(SourceKind))
    """The kind of authority (:class:`SourceKind`); only statutes and orders are law."""
    law: str = attrs.field(validator=v.is_nonempty_str)
    """The act, order, page or strategy, with its number and date where it has one."""
    paragraph: str | None = attrs.field(default=None, validator=v.is_optional_nonempty_str)
    """The provision, e.g. "§ 2 a, stk. 1"; `None`: the source has none, or it was not verified."""
    title: str = attrs.field(validator=v.is_nonempty_str)
    """What the source says, in one line."""
    quote: str | None = attrs.field(default=None, validator=v.is_optional_nonempty_str)
    """The exact wording that supports the rule; `None`: not quoted (then not `verified`)."""
    url: str | None = attrs.field(default=None, validator=v.is_optional_nonempty_str)
    """Where the source can be read; `None`: no public address."""
    checked_on: _dt.date | None = attrs.field(default=None, validator=v.is_optional_date)
    """The day the quote was checked against the source; `None`: never (then not `verified`)."""
    verified: bool = attrs.field(default=False, validator=_verified)
    """True only where the `quote` was read in the source on `checked_on` (both required)."""
    note: str | None = attrs.field(default=None, validator=v.is_optional_nonempty_str)
    """What is uncertain (an unverified paragraph, sources that disagree); `None`: nothing."""
    in_force_from: _dt.date | None = attrs.field(default=None, validator=v.is_optional_date)
    """The first day the source applies; `None`: no lower bound known or needed."""
    in_force_until: _dt.date | None = attrs.field(default=None, validator=_until)
    """The first day it no longer applies (after `in_force_from`); `None`: no end known/needed."""

    def in_force_on(self, day: _dt.date) -> bool:
        """True where the source applies on ``day``: from ``in_force_from`` (``None``: as far
        back as kui-core goes) up to, not including, ``in_force_until`` (``None``: still)."""
        start, end = self.in_force_from, self.in_force_until
        return (start is None or start <= day) and (end is None or day < end)

    def __str__(self) -> str:
        where = f"{self.law}, {self.paragraph}" if self.paragraph else self.law
        return f"{where} ({self.title})"

    def label(self, lang: str = "da") -> str:
        """ "Hjemmel" or "Kilde" (Danish), "Legal basis" or "Source" (English): see the kind."""
        return self.kind.label(lang)


# -- The day the quotes below were checked (against stored copies of the public pages). -------
_CHECKED = _dt.date(2026, 11, 30)

# -- Statutes ----------------------------------------------------------------------------------
_KUI_LAW = "Lov om kommunal indsats for unge under 25 år, LBK nr. 953 af 12/08/2024"
KUI_FROM = _dt.date(2019, 8, 1)
"""The day the kommunale ungeindsats took effect (uvm.dk: "Den kommunale ungeindsats indføres med
virkning fra senest den 1. august 2019"). Before it, kui-core's sources were not researched:
:func:`~kui_core.review_case` reports ``catalogue.unverified_period`` for earlier days."""
_KUI_LBK_953_FROM = _dt.date(2024, 8, 12)
_BARNETS_LOV = "Barnets lov, LBK nr. 282 af 17/03/2025"
_BARNETS_LOV_LBK_282_FROM = _dt.date(2025, 3, 17)
_BARNETS_LOV_TEXTS: tuple[tuple[str, _dt.date, _dt.date], ...] = (
    ("Barnets lov, LBK nr. 890 af 19/06/2024", _dt.date(2024, 6, 19), _BARNETS_LOV_LBK_282_FROM),
    (
        "Barnets lov, lov nr. 721 af 13. juni 2023 (før LBK nr. 890 af 19/06/2024)",
        _dt.date(2024, 1, 1),
        _dt.date(2024, 6, 19),
    ),
)
"""The texts of barnets lov before LBK 282/2025, as elov.dk's older snapshot names them ("Lov
nr. 721 af 13. juni 2023, jf. lovbekendtgørelse nr. 890 af 19. juni 2024"); their wording was
not read."""
_KUI_CH_1A = "https://www.elov.dk/lov-om-kommunal-indsats-for-unge-under-25-aar/kapitel/1-a/"
_KUI_2K = "https://elov.dk/lov-om-kommunal-indsats-for-unge-under-25-aar/paragraf/2k"
_L201 = "https://ft.dk/samling/20171/lovforslag/l201/20171_l201_som_fremsat.htm"
_LOVGUIDEN_108 = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/108"
_LOVGUIDEN_111 = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/111"
_BARNETS_LOV_FROM = _dt.date(2024, 1, 1)
"""Barnets lov (lov nr. 721 af 13. juni 2023) took effect on 1 January 2024 (elov.dk: "træder i
kraft den 1. januar 2024"); before it, serviceloven held the rules for children in care."""
_SERVICELOVEN = "Lov om social service (serviceloven)"
_PLIGT_BEK = "Pligtbekendtgørelsen, BEK nr. 1014 af 04/10/2019"
_UVM = "Børne- og Undervisningsministeriet (uvm.dk)"
_UVM_OUTREACH_URL = (
    "https://www.uvm.dk/vejledning-og-stoettemuligheder/vejledning/ungdomsuddannelse/"
    "vejledning-af-unge-uden-for-skolen"
)
_UVM_PLAN_URL = "https://www.uvm.dk/vejledning-og-stoettemuligheder/vejledning/uddannelsesplan"
_UVM_CONTACT_URL = (
    "https://www.uvm.dk/forberedende-grunduddannelse/vejledning--maalgrupper-og-optagelse/"
    "den-sammenhaengende-kommunal-ungeindsats"
)
_ESBJERG_COORDINATION = (
    "Esbjerg Kommune, strategi for den tværgående ungeindsats:"
    " Koordinering af samarbejdet med og om den unge"
)
_ESBJERG_COORDINATION_URL = (
    "https://www.esbjerg.dk/om-kommunen/vision-og-politikker/"
    "strategi-for-den-tvaergaaende-ungeindsats/vi-koordinerer-samarbejdet-med-og-om-den-unge"
)

KUI_TITLE = LegalBasis(
    kind=SourceKind.STATUTE,
    law=_KUI_LAW,
    in_force_from=_KUI_LBK_953_FROM,
    title="Lovens titel: indsatsen gælder unge under 25 år",
    quote="Lovens titel affattes således: »Lov om kommunal indsats for unge under 25 år«",
    url=_L201,
    checked_on=_CHECKED,
    verified=True,
    note=(
        "The title, as given by L 201 (2017-18), § 1, nr. 1. No paragraph of the law read so far"
        " defines the target group in one sentence; § 1 is the purpose of guidance and § 2 k the"
        " FGU assessment, so neither is cited for it."
    ),
)
KUI_DUTY = LegalBasis(
    kind=SourceKind.STATUTE,
    law=_KUI_LAW,
    in_force_from=_KUI_LBK_953_FROM,
    paragraph="§ 2 a, stk. 1",
    title="Pligt for 15–17-årige; uddannelsesplanen beskriver, hvordan pligten opfyldes",
    quote=(
        "15-17-årige unge har pligt til at være i uddannelse, beskæftigelse eller anden"
        " aktivitet, der sigter mod, at de unge gennemfører en uddannelse. Den unges"
        " uddannelsesplan, jf. § 2 c, skal indeholde en beskrivelse af, hvordan den unge opfylder"
        " pligten efter 1. pkt."
    ),
    url=_KUI_CH_1A,
    checked_on=_CHECKED,
    verified=True,
    note="Read on elov.dk's chapter page, which is built on LBK 825/2019 with later amendments.",
)
KUI_DUTY_SUPERVISION = LegalBasis(
    kind=SourceKind.STATUTE,
    law=_KUI_LAW,
    in_force_from=_KUI_LBK_953_FROM,
    paragraph="§ 2 a, stk. 3",
    title="Tilsyn med, at 15–17-årige følger uddannelsesplanen; forældrene inddrages løbende",
    quote=(
        "Kommunalbestyrelsen skal føre tilsyn med, at 15-17-årige unge følger deres"
        " uddannelsesplan, og sikre, at forældremyndighedens indehaver løbende inddrages i"
        " indsatsen for, at pligten efter stk. 1 overholdes."
    ),
    url=_KUI_CH_1A,
    checked_on=_CHECKED,
    verified=True,
)
KUI_DUTY_EXEMPTION = LegalBasis(
    kind=SourceKind.STATUTE,
    law=_KUI_LAW,
    in_force_from=_KUI_LBK_953_FROM,
    paragraph="§ 2 a, stk. 2",
    title="Fritagelse fra pligten på grund af handicap, sygdom eller væsentlige sociale problemer",
    quote=(
        "Hvis kommunalbestyrelsen vurderer, at den unge på grund af handicap, sygdom eller"
        " væsentlige sociale problemer midlertidigt eller permanent ikke er i stand til at"
        " overholde pligten efter stk. 1, kan kommunalbestyrelsen efter inddragelse af"
        " forældremyndighedens indehaver fritage den unge herfor."
    ),
    url=_KUI_CH_1A,
    checked_on=_CHECKED,
    verified=True,
    note="Read on elov.dk's chapter page, which is built on LBK 825/2019 with later amendments.",
)
KUI_PLAN = LegalBasis(
    kind=SourceKind.STATUTE,
    law=_KUI_LAW,
    in_force_from=_KUI_LBK_953_FROM,
    paragraph="§ 2 c",
    title="Uddannelsesplanen",
    note=(
        '§ 2 c is the plan provision (§ 2 a refers to "uddannelsesplan, jf. § 2 c"), but its'
        " current wording was not read: what it requires of the plan's content is unverified."
    ),
)
KUI_FGU_ASSESSMENT = LegalBasis(
    kind=SourceKind.STATUTE,
    law=_KUI_LAW,
    in_force_from=_KUI_LBK_953_FROM,
    paragraph="§ 2 k, stk. 1",
    title="Målgruppevurdering til FGU; STU-uddannede kan vurderes efter anmodning",
    quote=(
        "Uanset 1. pkt. kan unge, som har gennemført en ungdomsuddannelse efter stu-loven, efter"
        " anmodning målgruppevurderes til forberedende grunduddannelse, hvis de øvrige betingelser"
        " i 1. pkt. er opfyldt."
    ),
    url=_KUI_2K,
    checked_on=_CHECKED,
    verified=True,
    note="STU is a youth education (ungdomsuddannelse efter stu-loven) that does not end KUI.",
)
# -- The KUI law before LBK 953/2024 --------------------------------------------------------------
# The KUI provisions above were read in the text consolidated by LBK 953/2024. A consolidation
# (lovbekendtgørelse) restates the law as amended; its date is the day the consolidated text was
# published, not the day a rule changed. Each earlier text is a source of its own, dated from its
# publication to the next one's, with the wording not compared (unverified).
_KUI_TEXTS: tuple[tuple[str, _dt.date, _dt.date], ...] = (
    (
        "Lov om kommunal indsats for unge under 25 år, LBK nr. 1393 af 05/10/2022",
        _dt.date(2022, 10, 5),
        _KUI_LBK_953_FROM,
    ),
    (
        "Lov om kommunal indsats for unge under 25 år, LBK nr. 825 af 16/08/2019",
        _dt.date(2019, 8, 16),
        _dt.date(2022, 10, 5),
    ),
    (
        "Lov om kommunal indsats for unge under 25 år, som ændret ved L 201 (2017-18), før LBK"
        " nr. 825 af 16/08/2019",
        KUI_FROM,
        _dt.date(2019, 8, 16),
    ),
)
_BEFORE_KUI = (
    "Lov om vejledning om uddannelse og erhverv samt pligt til uddannelse, beskæftigelse m.v."
    " (før den kommunale ungeindsats)"
)


def _earlier_texts(
    current: LegalBasis, texts: tuple[tuple[str, _dt.date, _dt.date], ...], read: str
) -> list[LegalBasis]:
    """The provision of ``current`` in each earlier text of its act, newest first (unverified)."""
    return [
        LegalBasis(
            kind=SourceKind.STATUTE,
            law=law,
            paragraph=current.paragraph,
            title=current.title,
            in_force_from=start,
            in_force_until=end,
            note=(
                "The provision as it stood in this text. Its wording was not compared with the"
                f" text quoted for {read} and its number is assumed unchanged: not verified."
            ),
        )
        for law, start, end in texts
    ]


def _earlier_kui(current: LegalBasis, *, before_kui: bool = True) -> tuple[LegalBasis, ...]:
    """The provision of ``current`` in each earlier text of the KUI law, newest first, and (with
    ``before_kui``) the act before the KUI (1 August 2019), whose paragraphs were not
    researched."""
    earlier = _earlier_texts(current, _KUI_TEXTS, "LBK 953/2024")
    if not before_kui:
        return tuple(earlier)
    earlier.append(
        LegalBasis(
            kind=SourceKind.STATUTE,
            law=_BEFORE_KUI,
            title=current.title,
            quote=(
                "L 201 Forslag til lov om ændring af lov om vejledning om uddannelse og erhverv"
                " samt pligt til uddannelse, beskæftigelse m.v. (Kommunal indsats for unge under"
                " 25 år)"
            ),
            url=_L201,
            checked_on=_CHECKED,
            in_force_until=KUI_FROM,
            note=(
                "The act L 201 (2017-18) amended and renamed; the kommunale ungeindsats took"
                " effect by 1 August 2019 (uvm.dk). The quote shows only the act's former title:"
                " which of its paragraphs held a rule like this one was not researched, so no"
                " paragraph is cited. kui-core applies the KUI rules to earlier days and says so"
                " (catalogue.unverified_period)."
            ),
        )
    )
    return tuple(earlier)


PLAN_GUIDANCE = LegalBasis(
    kind=SourceKind.GUIDANCE,
    law=_UVM,
    title="Uddannelsesplan: ret til en plan under 25; KUI udarbejder og følger op",
    quote=(
        "Alle unge under 25 år, der hverken er i gang med eller har gennemført en"
        " ungdomsuddannelse eller en videregående uddannelse, har fra 1. august 2019 ret til en"
        " uddannelsesplan. [...] Det er den kommunale ungeindsats, der har ansvaret for"
        " udarbejdelse af og opfølgning på den unges uddannelsesplan."
    ),
    url=_UVM_PLAN_URL,
    checked_on=_CHECKED,
    verified=True,
    note="Page last updated 10 January 2020. It gives no interval for the follow-up.",
)
PLAN_UNTIL = LegalBasis(
    kind=SourceKind.GUIDANCE,
    law=_UVM,
    title="Planen følger den unge til 25 år eller en erhvervskompetencegivende uddannelse",
    quote=(
        "Uddannelsesplanen påbegyndes i 9. klasse og følger den unge, indtil hun eller han er"
        " fyldt 25 år eller har gennemført en erhvervskompetencegivende uddannelse."
    ),
    url=_UVM_PLAN_URL,
    checked_on=_CHECKED,
    verified=True,
    note=(
        "The sources disagree on what ends the target group: the same page gives the right to a"
        ' plan to those without "en ungdomsuddannelse eller en videregående uddannelse", while'
        ' this sentence says "erhvervskompetencegivende uddannelse" (uni-c\'s copy gives'
        ' "eksempelvis en erhvervsuddannelse eller en videregående uddannelse"). No source'
        " calls a gymnasial education erhvervskompetencegivende. kui-core's default"
        " (Policy.target_group_exit: every youth education but STU, and higher education) follows"
        " the right-to-a-plan wording; it is a choice until § 2 c's wording is verified."
    ),
)
PLAN_SHARED = LegalBasis(
    kind=SourceKind.GUIDANCE,
    law=_UVM,
    title="Én sammenhængende plan med alle kommunens indsatser og fælles målsætninger",
    quote=(
        "Uddannelsesplanen skal fremstå som en sammenhængende plan i forhold til den unge, og den"
        " unge skal opleve, at der arbejdes på de samme målsætninger på tværs af kommunale"
        " enheder på kort og langt sigt. [...] I planen skal indgå alle de indsatser, kommunen"
        " har igangsat for den unge."
    ),
    url=_UVM_PLAN_URL,
    checked_on=_CHECKED,
    verified=True,
)
OUTREACH = LegalBasis(
    kind=SourceKind.GUIDANCE,
    law=_UVM,
    title="Vejledning af unge uden for skolen: opsøgende indsats for 15–24-årige",
    quote=(
        "Kommunalbestyrelsen skal gennem en opsøgende indsats tilbyde vejledning til"
        " 15-24-årige, der ikke har gennemført eller er i gang med en ungdomsuddannelse eller en"
        " videregående uddannelse, og som ikke i forvejen modtager vejledning fra kommunale"
        " jobcentre, socialforvaltningen eller andre myndigheder, der beskæftiger sig med unge."
        " Det gælder dog ikke unge, der er i lønnet beskæftigelse i mindst 20 timer om ugen."
    ),
    url=_UVM_OUTREACH_URL,
    checked_on=_CHECKED,
    verified=True,
    note=(
        "Page last updated 10 January 2020. The rule itself is in the vejledningsbekendtgørelse,"
        " whose current number and paragraph were not verified. Guidance from another authority"
        " is recorded in Youth.guided_elsewhere; where it is not recorded, the outreach finding"
        " says outreach is due unless another authority guides the young person."
    ),
)
DUTY_DEADLINES = LegalBasis(
    kind=SourceKind.GUIDANCE,
    law=_UVM,
    title="En 15–17-årig, der ikke følger planen, kontaktes inden 5 hverdage og tilbydes en ny"
    " aktivitet efter senest 30 kalenderdage",
    quote=(
        "Hvis de 15-17 årige ikke følger deres uddannelsesplan har kommunalbestyrelsen pligt til"
        " at kontakte dem inden for 5 hverdage og tilbyde dem en ny aktivitet efter senest 30"
        " kalenderdage."
    ),
    url=_UVM_OUTREACH_URL,
    checked_on=_CHECKED,
    verified=True,
    note=(
        "The page does not say from when the 30 days run, nor whether the parents are contacted"
        " too. Municipal paraphrases disagree on the start: Guldborgsund counts from when contact"
        " is established, Herning from the lapse (Policy.new_activity_from)."
    ),
)
DUTY_FROM_CONTACT = LegalBasis(
    kind=SourceKind.MUNICIPAL_GUIDANCE,
    law="Guldborgsund Kommune, UU Guldborgsund: Pligt til uddannelse",
    title="Kontakt til den unge og forældrene inden 5 arbejdsdage; ny aktivitet senest 30"
    " kalenderdage efter, at kontakten er etableret",
    quote=(
        "Skal UU tage kontakt til den unge og dennes forældre senest 5 arbejdsdage efter, at UU"
        " er blevet bekendt med dette. UU skal tilbyde den unge en ny aktivitet senest 30"
        " kalenderdage efter, at kontakten er etableret."
    ),
    url="https://uuguldborgsund.dk/pligt-til-uddannelse-0",
    checked_on=_CHECKED,
    verified=True,
    note=(
        "A municipal page that points to the pligtbekendtgørelse; the executive order's own"
        " wording was not read."
    ),
)
DUTY_FROM_CONTACT_VIBORG = LegalBasis(
    kind=SourceKind.MUNICIPAL_GUIDANCE,
    law="Viborg Kommune, Kontakttid for de 15-17-årige",
    title="Ny aktivitet senest 30 kalenderdage efter, at kontakten er etableret",
    quote=(
        "Uddannelsesvejleder skal tilbyde 15-17 årige unge en ny aktivitet senest 30"
        " kalenderdage efter, at kontakten er etableret, jf. stk. 1, dog under hensyntagen til"
        " sommerferieperioden på institutioner, som udbyder ungdomsuddannelser."
    ),
    url=(
        "https://kommune.viborg.dk/Borger/Job-og-ledighed/Ungeindsats-og-uddannelsesvejledning/"
        "Uddannelsesvejledning/Resultater-og-effekter/Kontakttid-for-de-15-17-aarige"
    ),
    checked_on=_CHECKED,
    verified=True,
    note=(
        'Page last updated 18 January 2020. It cites "§ 10" of the pligtbekendtgørelse, a number'
        " not verified for BEK 1014/2019, and names the young person only (no parents). The"
        " allowance for the institutions' summer holiday is not modelled."
    ),
)
DUTY_FROM_LAPSE = LegalBasis(
    kind=SourceKind.MUNICIPAL_GUIDANCE,
    law="Herning Kommune, Ungevejledningen: Pligt til uddannelse",
    title="Et tilbud senest 30 dage efter, at den unge afbrød sin uddannelse eller aktivitet",
    quote=(
        "Den unge skal senest 30 dage efter at have afbrudt sin uddannelse, være ophørt i"
        " beskæftigelse eller anden aktivitet have et tilbud fra Ungdommens Uddannelsesvejledning."
    ),
    url=(
        "https://ungevejledningen.herning.dk/uddannelsesvejledningen/ung-under-18-aar/"
        "pligt-til-uddannelse/printaccordion?nodeid=92105&print=all"
    ),
    checked_on=_CHECKED,
    verified=True,
    note="A municipal page; it names Ungdommens Uddannelsesvejledning, the pre-2019 body.",
)
DUTY_EXECUTIVE_ORDER = LegalBasis(
    kind=SourceKind.EXECUTIVE_ORDER,
    law=_PLIGT_BEK,
    title="Pligten for 15–17-årige: hvad der opfylder den, og kommunens frister",
    note=(
        "The paragraphs with the 18 hours of paid work and the 5-day and 30-day deadlines were"
        " not found; § 5 (often cited) is about LAB offers, forpraktik and 80/20 agreements, not"
        " the 18 hours. Whether BEK 1014/2019 is still in force was not verified."
    ),
)
CONTACT_PERSON = LegalBasis(
    kind=SourceKind.GUIDANCE,
    law=_UVM,
    title="Den sammenhængende kommunale ungeindsats: en kontaktperson til de unge med behov",
    quote=(
        "Den sammenhængende ungeindsats skal blandt andet sikre den nødvendige støtte og hjælp for"
        " den unge til at realisere sin uddannelsesplan og give de unge, der har behov for det, en"
        " kontaktperson, som skal understøtte den enkeltes vej til uddannelse eller job."
    ),
    url=_UVM_CONTACT_URL,
    checked_on=_CHECKED,
    verified=True,
    note=(
        'Need-based ("de unge, der har behov for det"). No statutory paragraph for the contact'
        " person was found (KUI § 2 b could not be read)."
    ),
)
IN_CARE_PLAN = LegalBasis(
    kind=SourceKind.STATUTE,
    law=_BARNETS_LOV,
    paragraph="§ 108, stk. 2–4",
    title="Ungeplan for anbragte unge fra 16 år, senest 3 måneder efter afgørelsen eller 16-års"
    " dagen",
    quote=(
        "I sager om anbringelse uden for hjemmet, jf. §§ 46 og 47, hvor den unge er fyldt 16 år,"
        " og ved genetablering af døgnophold, jf. § 116, skal kommunalbestyrelsen udarbejde en"
        " ungeplan. [...] En ungeplan skal foreligge, senest 3 måneder efter at der er truffet"
        " afgørelse om indsatsen, eller efter at den unge er fyldt 16 år, jf. dog stk. 4."
    ),
    in_force_from=_BARNETS_LOV_LBK_282_FROM,
    url=_LOVGUIDEN_108,
    checked_on=_CHECKED,
    verified=True,
    note=(
        "Barnets lov (lov nr. 721 af 13. juni 2023) took effect on 1 January 2024. This entry is"
        " the text consolidated by LBK 282/2025 (from 17 March 2025), whose wording was read;"
        " earlier days cite the texts before it (not read)."
        " The ungeplan is a barnets lov plan, not the KUI uddannelsesplan (§ 2 c); kui-core checks"
        " the ungeplan's own dates (CarePlacement.ungeplan_dates). Stk. 4: \"I sager om"
        " anbringelse uden for hjemmet uden samtykke skal ungeplanen udarbejdes, før der træffes"
        ' afgørelse, jf. § 51, stk. 1, nr. 3." (same page).'
    ),
)
IN_CARE_SUPPORT = LegalBasis(
    kind=SourceKind.STATUTE,
    law=_BARNETS_LOV,
    paragraph="§ 111, stk. 1",
    title="Afgørelse om ungestøtte senest 6 måneder før anbringelsen ophører ved 18 år",
    quote=(
        "Kommunalbestyrelsen i den unges handlekommune skal senest 6 måneder forud for ophør af"
        " en anbringelse ved det fyldte 18. år træffe afgørelse om ungestøtteindsatser til den"
        " unge efter §§ 114-116 og 120."
    ),
    in_force_from=_BARNETS_LOV_LBK_282_FROM,
    url=_LOVGUIDEN_111,
    checked_on=_CHECKED,
    verified=True,
    note=(
        'Stk. 2: before the decision the ungeplan is revised, "herunder have taget stilling til'
        " den unges videre forløb med hensyn til uddannelse, beskæftigelse og øvrige relevante"
        ' forhold".'
    ),
)
IN_CARE_PLAN_BEFORE_2024 = LegalBasis(
    kind=SourceKind.STATUTE,
    law=_SERVICELOVEN,
    paragraph="§ 140",
    title="Handleplan før afgørelsen, senest inden fire måneder; for unge over 16 mål for"
    " overgangen til voksenlivet",
    quote=(
        "Det fremgår af § 140, stk. 1, i serviceloven, at kommunalbestyrelsen skal udarbejde en"
        " handleplan, inden der træffes afgørelse om foranstaltninger, jf. §§ 52, 76 og 76 a."
        " [...] Det påhviler da kommunalbestyrelsen snarest muligt og senest inden fire måneder at"
        " opstille en handleplan."
    ),
    url=_LOVGUIDEN_108,
    checked_on=_CHECKED,
    verified=True,
    in_force_until=_BARNETS_LOV_FROM,
    note=(
        "Quoted from the preparatory notes to barnets lov § 108 (lovguiden.dk), not from"
        " serviceloven itself; the stk. of the rule for young people over 16 differs between"
        " versions and is not cited. Before 2024 there was no ungeplan and no 3-month deadline:"
        " kui-core applies the barnets lov deadline to earlier days too (a choice) and cites the"
        " act then in force."
    ),
)
IN_CARE_SUPPORT_BEFORE_2024 = LegalBasis(
    kind=SourceKind.STATUTE,
    law=_SERVICELOVEN,
    paragraph="§ 68, stk. 11",
    title="Afgørelse om efterværn senest seks måneder før anbringelsen ophører ved 18 år",
    quote=(
        "Det fremgår af § 68, stk. 11, i serviceloven, at kommunalbestyrelsen i den unges"
        " opholdskommune senest seks måneder forud for ophør af en anbringelse ved det fyldte 18."
        " år skal træffe afgørelse om, hvorvidt den unge har behov for efterværn eller"
        " opretholdt anbringelse, jf. § 76 a"
    ),
    url=_LOVGUIDEN_111,
    checked_on=_CHECKED,
    verified=True,
    in_force_until=_BARNETS_LOV_FROM,
    note=(
        "Quoted from the preparatory notes to barnets lov § 111 (lovguiden.dk). Older versions"
        " number the rule § 68, stk. 5 (Ankestyrelsen); when the number changed was not"
        " verified."
    ),
)
ESBJERG_HEAD_OF_TABLE = LegalBasis(
    kind=SourceKind.MUNICIPAL_STRATEGY,
    law=_ESBJERG_COORDINATION,
    title="Den unge sidder for bordenden, når uddannelsesplanen udarbejdes",
    quote="At den unge sidder med for bordenden, når den unges uddannelsesplan udarbejdes",
    url=_ESBJERG_COORDINATION_URL,
    checked_on=_CHECKED,
    verified=True,
)
ESBJERG_CLEAR_GOALS = LegalBasis(
    kind=SourceKind.MUNICIPAL_STRATEGY,
    law=_ESBJERG_COORDINATION,
    title="En plan med tydelige mål på tværs af kommunale enheder",
    quote=(
        "At den unge er med til at skabe sin egen sammenhængende plan mod uddannelse, og at denne"
        " plan har tydelige mål, der går på tværs af kommunale enheder"
    ),
    url=_ESBJERG_COORDINATION_URL,
    checked_on=_CHECKED,
    verified=True,
)
ESBJERG_INTERVENTIONS = LegalBasis(
    kind=SourceKind.MUNICIPAL_STRATEGY,
    law=_ESBJERG_COORDINATION,
    title="Alle indsatser understøtter den unges mål om uddannelse og job",
    quote=(
        "At alle indsatser og medarbejdere omkring den unge understøtter den unges mål om"
        " uddannelse og job"
    ),
    url=_ESBJERG_COORDINATION_URL,
    checked_on=_CHECKED,
    verified=True,
)
ESBJERG_SHARED_GOAL = LegalBasis(
    kind=SourceKind.MUNICIPAL_STRATEGY,
    law=_ESBJERG_COORDINATION,
    title="Fælles mål på tværs af enheder",
    quote=(
        "At der i Esbjerg Kommune er fælles mål på tværs af enheder for de unge, der får indsats"
        " fra flere kommunale enheder"
    ),
    url=_ESBJERG_COORDINATION_URL,
    checked_on=_CHECKED,
    verified=True,
)
ESBJERG_COORDINATOR = LegalBasis(
    kind=SourceKind.MUNICIPAL_STRATEGY,
    law=_ESBJERG_COORDINATION,
    title="Altid én ansvarlig medarbejder; tydeligt, hvem der er tovholder",
    quote=(
        "At der altid udpeges en medarbejder, der er ansvarlig for at koordinere samarbejdet på"
        " tværs og med den unge"
    ),
    url=_ESBJERG_COORDINATION_URL,
    checked_on=_CHECKED,
    verified=True,
)
LEJRE_COORDINATOR = LegalBasis(
    kind=SourceKind.MUNICIPAL_STRATEGY,
    law="Lejre Kommune, Den kommunale ungeindsats",
    title="Én tovholder med den primære kontakt",
    quote="du får én tovholder, som du har den primære kontakt med",
    checked_on=_CHECKED,
    verified=True,
    note=(
        "Read in the project's copy of the page (shared sources, file 004); no URL was found"
        " for it."
    ),
)
ESBJERG_TRANSITIONS = LegalBasis(
    kind=SourceKind.MUNICIPAL_STRATEGY,
    law=_ESBJERG_COORDINATION,
    title="Ingen unge går tabt i overgangene mellem tilbud",
    quote=(
        "At de unge, der har behov for støtte i overgangen fra et tilbud til et andet tilbud, får"
        " en håndholdt indsats, så vi sikrer, at ingen unge går tabt i overgangene"
    ),
    url=_ESBJERG_COORDINATION_URL,
    checked_on=_CHECKED,
    verified=True,
    note="The strategy gives no number of days: Policy.max_transition_gap_days is kui-core's.",
)
ESBJERG_FOLLOW_UP = LegalBasis(
    kind=SourceKind.MUNICIPAL_STRATEGY,
    law="Esbjerg Kommune, Fra anbringelse til uddannelse (projekt, 2015)",
    title="Systematisk opfølgning med dokumentation og måling",
    quote=(
        "Der følges systematisk op med dokumentation og måling på resultaterne af den fælles"
        " indsats – så indsatsen kan justeres, hvis resultaterne udebliver, eller vilkårene ændrer"
        " sig"
    ),
    checked_on=_CHECKED,
    verified=True,
    note=(
        "A project goal about the joint effort's results; it gives no follow-up interval. Read"
        " in the project's copy of the page (shared sources, file 002); no URL was found."
    ),
)
PRIMARY_SCHOOL = LegalBasis(
    kind=SourceKind.STATUTE,
    law="Folkeskoleloven",
    paragraph="§ 3, stk. 1",
    title="Grundskolen: børnehaveklasse og 1.–9. klasse, samt en 1-årig 10. klasse",
    quote=(
        "Folkeskolen omfatter en 10-årig grundskole bestående af en børnehaveklasse og 1.-9."
        " klasse samt en 1-årig 10. klasse, jf. kapitel 2 a."
    ),
    url="https://www.elov.dk/folkeskoleloven/kapitel/2/",
    checked_on=_CHECKED,
    verified=True,
    note=(
        "The consolidation (LBK number) of the stored page was not read. A pupil in grundskole is"
        " in school: Programme.PRIMARY_SCHOOL counts as enrolment."
    ),
)
# -- Programmes over time -------------------------------------------------------------------
FGU_START = LegalBasis(
    kind=SourceKind.GUIDANCE,
    law="Børne- og Undervisningsministeriet (emu.dk)",
    title="FGU erstattede de forberedende tilbud den 1. august 2019",
    quote="Den 1. august 2019 erstattede FGU en række forberedende tilbud.",
    url="https://emu.dk/fgu/uddannelsens-spor-formaal-og-historie/historien?b=t435-t770",
    checked_on=_CHECKED,
    verified=True,
    note=(
        "The act is lov om forberedende grunduddannelse, lov nr. 697 af 8. juni 2018 (elov.dk's"
        " header); its commencement paragraph was not read. FGU replaced produktionsskoler, KUU,"
        " egu and parts of avu, OBU and FVU (same page): kui-core records those as 'other'."
    ),
)
STU_START = LegalBasis(
    kind=SourceKind.STATUTE,
    law="Lov om ungdomsuddannelse for unge med særlige behov, lov nr. 564 af 06. juni 2007",
    title="STU fra 1. august 2007",
    note=(
        "elov.dk's header reads \"Lov nr. 564 af 06. juni 2007, jf. lovbekendtgørelse nr. 1077"
        ' af 11. august 2023"; that STU started on 1 August 2007 comes from an STU provider'
        ' (skanderborgstu.dk: "som første gang trådte i kraft den 1. august 2007"). The act\'s'
        " commencement paragraph was not read: not verified."
    ),
)
EPX_AGREEMENT = LegalBasis(
    kind=SourceKind.POLITICAL_AGREEMENT,
    law="Aftale om en ny erhvervs- og professionsrettet gymnasieuddannelse, 18. februar 2025",
    title="Epx oprettes som ny gymnasieuddannelse",
    quote=(
        "Regeringen (Socialdemokratiet, Venstre og Moderaterne), Socialistisk Folkeparti og Dansk"
        " Folkeparti har i dag den 18. februar 2025 indgået Aftale om en ny erhvervs- og"
        " professionsrettet gymnasieuddannelse. Med aftalen etableres en ny gymnasieuddannelse"
        " kaldet erhvervs- og professionsrettet eksamen (epx)"
    ),
    url="https://ft.dk/samling/20241/almdel/UFU/bilag/59/2979349/index.htm",
    checked_on=_CHECKED,
    verified=True,
    note=(
        "The minister's letter to Folketinget. No bill or act carrying the agreement out was"
        " found: agreed, not enacted, as far as checked. kui-core changes no rule for it."
    ),
)
REFORM_2030 = LegalBasis(
    kind=SourceKind.POLITICAL_AGREEMENT,
    law=(
        "Aftale om en ny erhvervs- og professionsrettet gymnasieuddannelse, 18. februar 2025, som"
        " gengivet af Gymnasieskolernes Lærerforening"
    ),
    title="Reformen træder i kraft i 2030: epx oprettes, toårig hf og eux nedlægges",
    quote=(
        "Reformen indebærer bl.a. oprettelse af epx, en ny erhvervs- og professionsrettet"
        " gymnasieuddannelse og nedlæggelse af toårig hf, eux og grundforløbets 1. del på eud."
        " [...] Reformen træder i kraft i 2030."
    ),
    url="https://xn--gymnasielrerne-8ib.dk/temaer/epx-og-reform",
    checked_on=_CHECKED,
    verified=True,
    note=(
        "A teachers' union's summary, not the agreement's text; it gives the year, not the day"
        " (TEC and FOA also say 2030). Not enacted as far as checked."
    ),
)
TENTH_GRADE_2030 = LegalBasis(
    kind=SourceKind.POLITICAL_AGREEMENT,
    law=(
        "Aftale om en ny erhvervs- og professionsrettet gymnasieuddannelse, 18. februar 2025, som"
        " gengivet af FOA"
    ),
    title="10. klasse afskaffes; et 10. skoleår kan stadig tages på efterskolerne",
    quote=(
        "Aftalen betyder også en afskaffelse af 10. klasse. [...] et 10. skoleår dog stadig kan"
        " tages på eksempelvis efterskolerne."
    ),
    url=(
        "https://via.ritzau.dk/pressemeddelelse/14270460/uddannelsesreform-abner-nye-dore-for-de"
        "-unge?lang=da&publisherId=13559569"
    ),
    checked_on=_CHECKED,
    verified=True,
    note=(
        "A union's press release. The school year of the last 10th grade outside efterskoler was"
        " not found (2030 is the reform's year); not enacted as far as checked. kui-core cannot"
        " tell an efterskole's 10th grade from another."
    ),
)
UNKNOWN_IS_NOT_NO = LegalBasis(
    kind=SourceKind.CONVENTION,
    law="kui-core",
    title="Manglende oplysninger er ikke et nej: uden kendte data træffes ingen afgørelse",
    note=(
        "Where a record kind is known only up to a day (Youth.educations_known_until,"
        " Youth.employments_known_until), a missing record after it proves nothing: kui-core"
        " reports that it cannot decide instead of concluding outreach or NEET from silence."
    ),
)
CATALOGUE_CHECKED = LegalBasis(
    kind=SourceKind.CONVENTION,
    law="kui-core",
    title="Katalogets kilder er læst op til en bestemt dag; loven kan ændres efter den",
    note=(
        "Every verified source says the day it was checked (checked_on); kui_core.audit"
        ".RULES_CHECKED_ON is the latest. The sources were researched back to 1 August 2019, when"
        " the kommunale ungeindsats took effect (legal.KUI_FROM). kui-core applies the catalogue"
        " to any day, but says so when the day lies before that or more than a year after the"
        " check."
    ),
)
GOAL_DATES = LegalBasis(
    kind=SourceKind.CONVENTION,
    law="kui-core",
    title="Et mål har en måldato, så opfølgningen kan se, om det er nået i tide",
    note=(
        "No source found asks for a date on every goal; Esbjerg asks for clear goals"
        ' ("tydelige mål"). The date is kui-core\'s reading of a clear goal.'
    ),
)


EARLIER: Mapping[LegalBasis, tuple[LegalBasis, ...]] = types.MappingProxyType(
    {
        **{
            source: _earlier_kui(source)
            for source in (
                KUI_TITLE,
                KUI_DUTY,
                KUI_DUTY_SUPERVISION,
                KUI_DUTY_EXEMPTION,
                KUI_PLAN,
            )
        },
        # The FGU assessment came with the FGU reform: no rule of the act before the KUI.
        KUI_FGU_ASSESSMENT: _earlier_kui(KUI_FGU_ASSESSMENT, before_kui=False),
        **{
            source: tuple(_earlier_texts(source, _BARNETS_LOV_TEXTS, "LBK 282/2025"))
            for source in (IN_CARE_PLAN, IN_CARE_SUPPORT)
        },
    }
)
"""For each source dated from a consolidation, the same provision in the texts before it (newest
first): the rule catalogue cites them all, and a finding cites the one in force on its day."""
