"""kui-core: the Danish municipal youth effort (kommunale ungeindsats, KUI) as a Python library.

Typed, immutable models; rules that explain themselves with stable codes, Danish and English
text and their legal basis; the national 2030 target metrics. Pure domain code: no I/O, no clock —
every rule takes its reference day as ``on=``.
"""

from .__about__ import __version__
from .audit import RULES_CHECKED_ON, AuditStamp, audit_stamp, policy_fingerprint
from .bulk import (
    OutreachItem,
    OutreachWorklist,
    ReviewSummary,
    iter_reviews,
    outreach_worklist,
    summarize_reviews,
)
from .case import CoordinatorAssignment, DutyLapse, Offer, YouthCase
from .coordination import check_coordination, coordination_span, handover
from .cpr import CprNumber
from .dates import age_on, working_days_after
from .duty import check_duty, contact_deadline, contacted_on, new_activity_deadline
from .education import EducationRecord, Employment, Programme, Track
from .eligibility import Eligibility, assess_eligibility, in_target_group
from .errors import DataError, HandoverError, KuiError
from .findings import RULES, Finding, Rule, Severity
from .in_care import check_in_care, support_decision_deadline, ungeplan_deadline
from .legal import LegalBasis, SourceKind
from .metrics import (
    Application,
    ApplicationShares,
    Measure,
    MeasureKind,
    application_shares,
    completion_rate,
    neet_share,
)
from .periods import Period
from .plan import (
    EducationPlan,
    Goal,
    GoalKind,
    GoalStatus,
    Intervention,
    Milestone,
    MunicipalUnit,
    Participant,
    PlanReport,
    Role,
    validate_plan,
)
from .policy import (
    DEFAULT_POLICY,
    CoordinatorRequired,
    LeapDayRule,
    NewActivityFrom,
    Policy,
    PolicyTimeline,
    Severities,
    policy_on,
)
from .rates import Breakdown, People, Rate
from .review import CaseReport, review_case
from .targets import NATIONAL_TARGETS, Direction, Observation, Progress, Target, target_progress
from .transitions import check_transitions, transition_deadline
from .youth import Authority, CarePlacement, ExternalGuidance, Youth

__all__ = [
    "DEFAULT_POLICY",
    "NATIONAL_TARGETS",
    "RULES",
    "RULES_CHECKED_ON",
    "Application",
    "ApplicationShares",
    "AuditStamp",
    "Authority",
    "Breakdown",
    "CarePlacement",
    "CaseReport",
    "CoordinatorAssignment",
    "CoordinatorRequired",
    "CprNumber",
    "DataError",
    "Direction",
    "DutyLapse",
    "EducationPlan",
    "EducationRecord",
    "Eligibility",
    "Employment",
    "ExternalGuidance",
    "Finding",
    "Goal",
    "GoalKind",
    "GoalStatus",
    "HandoverError",
    "Intervention",
    "KuiError",
    "LeapDayRule",
    "LegalBasis",
    "Measure",
    "MeasureKind",
    "Milestone",
    "MunicipalUnit",
    "NewActivityFrom",
    "Observation",
    "Offer",
    "OutreachItem",
    "OutreachWorklist",
    "Participant",
    "People",
    "Period",
    "PlanReport",
    "Policy",
    "PolicyTimeline",
    "Programme",
    "Progress",
    "Rate",
    "ReviewSummary",
    "Role",
    "Rule",
    "Severities",
    "Severity",
    "SourceKind",
    "Target",
    "Track",
    "Youth",
    "YouthCase",
    "__version__",
    "age_on",
    "application_shares",
    "assess_eligibility",
    "audit_stamp",
    "check_coordination",
    "check_duty",
    "check_in_care",
    "check_transitions",
    "completion_rate",
    "contact_deadline",
    "contacted_on",
    "coordination_span",
    "handover",
    "in_target_group",
    "iter_reviews",
    "neet_share",
    "new_activity_deadline",
    "outreach_worklist",
    "policy_fingerprint",
    "policy_on",
    "review_case",
    "summarize_reviews",
    "support_decision_deadline",
    "target_progress",
    "transition_deadline",
    "ungeplan_deadline",
    "validate_plan",
    "working_days_after",
]
