// The taxonomies of docs/product.md "The case file". Stored as strings in SQLite; these lists are
// the single source for zod enums, form options and labels.

type Option<V extends string> = { readonly value: V; readonly label: string };

function values<V extends string>(options: readonly Option<V>[]) {
  return options.map((o) => o.value) as [V, ...V[]];
}

function labeller<V extends string>(options: readonly Option<V>[]) {
  const map = new Map<string, string>(options.map((o) => [o.value, o.label]));
  return (value: string | null | undefined) => (value ? (map.get(value) ?? value) : "");
}

export const CHANNELS = [
  { value: "one_on_one", label: "1:1" },
  { value: "survey", label: "Survey" },
  { value: "slack_email", label: "Slack / email" },
  { value: "qbr", label: "QBR" },
  { value: "exit_interview", label: "Exit interview" },
  { value: "other", label: "Other" },
] as const;

export const REPORTER_ROLES = [
  { value: "ae", label: "AE" },
  { value: "sdr", label: "SDR" },
  { value: "csm", label: "CSM" },
  { value: "se", label: "SE" },
  { value: "account_manager", label: "Account manager" },
  { value: "partner_manager", label: "Partner manager" },
  { value: "frontline_manager", label: "Front-line manager" },
  { value: "other", label: "Other" },
] as const;

export const FUNCTIONS = [
  { value: "sales", label: "Sales" },
  { value: "marketing", label: "Marketing" },
  { value: "customer_success", label: "Customer Success" },
  { value: "revops", label: "RevOps" },
  { value: "finance", label: "Finance" },
  { value: "partners", label: "Partners" },
  { value: "product", label: "Product" },
  { value: "other", label: "Other" },
] as const;

export const SEGMENTS = [
  { value: "smb", label: "SMB" },
  { value: "mid_market", label: "Mid-Market" },
  { value: "enterprise", label: "Enterprise" },
  { value: "strategic", label: "Strategic" },
  { value: "other", label: "Other" },
] as const;

export const BEHAVIOURS = [
  { value: "pipeline_generation", label: "Pipeline generation" },
  { value: "deal_cycle_length", label: "Deal cycle length" },
  { value: "discounting", label: "Discounting" },
  { value: "churn_risk", label: "Churn risk" },
  { value: "sandbagging", label: "Sandbagging" },
  { value: "deal_hoarding", label: "Deal hoarding" },
  { value: "inflated_pipeline", label: "Inflated pipeline" },
  { value: "short_term_focus", label: "Short-term focus" },
  { value: "bad_handoffs", label: "Bad handoffs" },
  { value: "forecast_manipulation", label: "Forecast / data manipulation" },
  { value: "attrition_morale", label: "Attrition or morale" },
  { value: "other", label: "Other" },
] as const;

export const CAUSES = [
  { value: "territory_imbalance", label: "Territory imbalance" },
  { value: "segmentation_shift", label: "Segmentation shift" },
  { value: "product_readiness", label: "Product readiness" },
  { value: "enablement_gap", label: "Enablement gap" },
  { value: "role_definition", label: "Role definition" },
  { value: "quota_setting", label: "Quota setting" },
  { value: "pricing_packaging", label: "Pricing or packaging" },
  { value: "sales_motion_mismatch", label: "Sales motion mismatch" },
  { value: "data_systems", label: "Data or systems" },
  { value: "plan_mechanics", label: "Plan mechanics" },
  { value: "other", label: "Other" },
] as const;

export const SEVERITIES = [
  { value: "low", label: "Low" },
  { value: "medium", label: "Medium" },
  { value: "high", label: "High" },
  { value: "critical", label: "Critical" },
] as const;

export const STATUSES = [
  { value: "new", label: "New" },
  { value: "triaged", label: "Triaged" },
  { value: "diagnosing", label: "Diagnosing" },
  { value: "diagnosed", label: "Diagnosed" },
  { value: "briefed", label: "Briefed" },
  { value: "monitoring", label: "Monitoring" },
  { value: "closed", label: "Closed" },
  { value: "reopened", label: "Reopened" },
] as const;

export type Channel = (typeof CHANNELS)[number]["value"];
export type ReporterRole = (typeof REPORTER_ROLES)[number]["value"];
export type Func = (typeof FUNCTIONS)[number]["value"];
export type Segment = (typeof SEGMENTS)[number]["value"];
export type Behaviour = (typeof BEHAVIOURS)[number]["value"];
export type Cause = (typeof CAUSES)[number]["value"];
export type Severity = (typeof SEVERITIES)[number]["value"];
export type CaseStatus = (typeof STATUSES)[number]["value"];

export const channelValues = values(CHANNELS);
export const reporterRoleValues = values(REPORTER_ROLES);
export const functionValues = values(FUNCTIONS);
export const segmentValues = values(SEGMENTS);
export const behaviourValues = values(BEHAVIOURS);
export const causeValues = values(CAUSES);
export const severityValues = values(SEVERITIES);
export const statusValues = values(STATUSES);

export const channelLabel = labeller(CHANNELS);
export const reporterRoleLabel = labeller(REPORTER_ROLES);
export const functionLabel = labeller(FUNCTIONS);
export const segmentLabel = labeller(SEGMENTS);
export const behaviourLabel = labeller(BEHAVIOURS);
export const causeLabel = labeller(CAUSES);
export const severityLabel = labeller(SEVERITIES);
export const statusLabel = labeller(STATUSES);
