#!/usr/bin/env python3
"""Writes data/demo/catalog.jsonl: fictional microcredential offerings for the demo, one per line, each an API body
(CatalogOfferingInput, camelCase), so `skillsmatch catalog import data/demo/catalog.jsonl` reads it as the loader does.

Providers are invented (marked demo); skills taught are ids in the shipped taxonomy, checked here so a
taxonomy change that drops one fails loudly. Deterministic.
"""
import csv, json, random, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "data/demo/catalog.jsonl"

# provider key: (name, web host (example.* is reserved: no real site), region, quality assurance: one of
# accredited, framework-aligned, industry-endorsed, none, as CatalogChecks.QualityAssurances allows).
# The issuer id is the provider's demo did:key from data/demo/issuers.json (run generate_issuers.py first).
PROVIDERS = {
    "lakeshore": ("Lakeshore Polytechnic", "lakeshore-polytechnic.example", "CA-ON", "framework-aligned"),
    "plains": ("Northern Plains College", "northern-plains.example", "CA-SK", "accredited"),
    "atlantic": ("Atlantic Digital Academy", "atlantic-digital.example", "CA-NS", "framework-aligned"),
    "cyberpath": ("CyberPath Canada", "cyberpath.example", None, "industry-endorsed"),
    "maplecloud": ("Maple Cloud Institute", "maple-cloud.example", None, "none"),
    "littoral": ("Collège numérique du Littoral", "college-littoral.example", "CA-QC", "accredited"),
    "prairie": ("Prairie Trades Training Centre", "prairie-trades.example", "CA-AB", "accredited"),
    "careworks": ("CareWorks Health Learning", "careworks.example", "CA-ON", "framework-aligned"),
}

QUALITY_ASSURANCES = {"accredited", "framework-aligned", "industry-endorsed", "none"}
assert all(p[3] in QUALITY_ASSURANCES for p in PROVIDERS.values()), "quality assurance outside CatalogChecks.QualityAssurances"

# (key, title, providers, hours, skills, description)
COURSES = [
    ("data-foundations", "Data Analysis Foundations", ["lakeshore", "atlantic", "plains"], 40,
     "data-analysis microsoft-excel pivot-tables excel-formulas data-cleaning descriptive-statistics",
     "Clean, summarise and chart real datasets in Excel; descriptive statistics and pivot tables for everyday analysis."),
    ("sql-analysts", "SQL for Data Analysts", ["lakeshore", "atlantic", "maplecloud"], 30,
     "sql sql-joins sql-aggregation sql-window-functions relational-databases postgresql",
     "Query relational databases with SQL: joins, aggregation, window functions and CTEs on PostgreSQL."),
    ("power-bi", "Dashboards with Power BI", ["lakeshore", "plains", "maplecloud"], 24,
     "power-bi dax dashboard-design data-visualisation data-storytelling",
     "Model data, write DAX measures and publish dashboards that tell a clear story."),
    ("tableau", "Visual Analytics with Tableau", ["atlantic", "littoral"], 20,
     "tableau data-visualisation dashboard-design chart-design",
     "Build interactive Tableau dashboards and choose the right chart for each question."),
    ("python-data", "Python for Data Analysis", ["lakeshore", "atlantic", "maplecloud"], 45,
     "python pandas jupyter exploratory-data-analysis data-wrangling matplotlib",
     "Load, reshape and explore data with Python, pandas and Jupyter notebooks; plot with matplotlib."),
    ("stats-decisions", "Applied Statistics for Decision-Making", ["plains", "littoral"], 36,
     "descriptive-statistics hypothesis-testing regression-analysis ab-testing",
     "Hypothesis tests, confidence intervals, regression and A/B testing for business questions."),
    ("storytelling", "Data Storytelling and Reporting", ["atlantic"], 12,
     "data-storytelling data-reporting kpi-development written-communication",
     "Turn analyses into reports and presentations decision-makers act on; define meaningful KPIs."),
    ("data-governance", "Data Governance and Quality Essentials", ["lakeshore"], 18,
     "data-governance data-quality metadata-management data-stewardship",
     "Stewardship roles, data quality rules, metadata and lineage in a governed analytics programme."),
    ("cyber-foundations", "Cybersecurity Foundations", ["lakeshore", "plains", "atlantic", "cyberpath", "littoral"], 40,
     "cybersecurity network-security security-awareness-training risk-assessment cis-controls",
     "Threats, controls and the basics of defending networks and endpoints; CIS Controls and risk assessment."),
    ("soc-analyst", "SOC Analyst Bootcamp", ["cyberpath", "atlantic"], 80,
     "security-operations siem alert-triage log-analysis incident-response microsoft-sentinel kql",
     "Monitor, triage and escalate alerts in a security operations centre using Microsoft Sentinel and KQL."),
    ("splunk", "Security Monitoring with Splunk", ["cyberpath"], 24,
     "splunk spl siem security-monitoring log-analysis",
     "Search, correlate and visualise security events with Splunk's SPL; build detections and dashboards."),
    ("incident-response", "Incident Response and Digital Forensics", ["cyberpath", "plains"], 36,
     "incident-response ir-planning digital-forensics chain-of-custody ransomware-response",
     "Prepare, detect, contain and recover: incident response plans, forensics basics and ransomware playbooks."),
    ("threat-intel", "Threat Intelligence and MITRE ATT&CK", ["cyberpath"], 16,
     "threat-intelligence mitre-attack osint threat-hunting iocs",
     "Collect and apply threat intelligence; map adversary behaviour to MITRE ATT&CK and hunt for it."),
    ("vuln-mgmt", "Vulnerability Management in Practice", ["lakeshore", "cyberpath"], 20,
     "vulnerability-management vulnerability-scanning nessus cvss patch-management",
     "Scan, prioritise with CVSS and remediate vulnerabilities; run a patch management cycle."),
    ("ethical-hacking", "Ethical Hacking and Penetration Testing", ["cyberpath", "atlantic"], 60,
     "penetration-testing web-app-pentesting kali-linux burp-suite nmap metasploit",
     "Plan and run authorised penetration tests of networks and web applications with Kali Linux tools."),
    ("appsec", "Secure Coding and Application Security", ["maplecloud", "cyberpath"], 24,
     "application-security owasp-top-10 secure-coding threat-modelling sast",
     "Prevent the OWASP Top 10 in your code; threat-model features and run static analysis in CI."),
    ("cloud-security-aws", "Cloud Security on AWS", ["maplecloud", "cyberpath"], 32,
     "cloud-security aws-security-services aws-iam aws-guardduty aws-cloudtrail shared-responsibility",
     "Secure AWS accounts: IAM, logging with CloudTrail, threat detection with GuardDuty, and the shared responsibility model."),
    ("cloud-security-azure", "Cloud Security on Microsoft Azure", ["maplecloud", "lakeshore"], 32,
     "cloud-security defender-for-cloud azure-key-vault azure-policy entra-id network-security-groups",
     "Protect Azure workloads with Defender for Cloud, Key Vault, Azure Policy and Entra ID."),
    ("cspm", "Cloud Security Posture Management", ["cyberpath"], 16,
     "cspm cloud-compliance cis-benchmarks policy-as-code iac-security",
     "Find and fix cloud misconfigurations against CIS Benchmarks; policy as code for infrastructure."),
    ("zero-trust", "Zero Trust Architecture", ["cyberpath", "littoral"], 14,
     "zero-trust ztna micro-segmentation least-privilege conditional-access",
     "Design zero trust access: identity-centric controls, micro-segmentation and conditional access."),
    ("iam-essentials", "Identity and Access Management Essentials", ["lakeshore", "cyberpath", "atlantic"], 24,
     "iam sso mfa rbac least-privilege user-provisioning",
     "Authentication, single sign-on, MFA, role-based access and the joiner-mover-leaver lifecycle."),
    ("entra-id", "Microsoft Entra ID Administration", ["maplecloud"], 20,
     "entra-id conditional-access sso saml mfa",
     "Administer Microsoft Entra ID: users, groups, SSO with SAML, MFA and conditional access policies."),
    ("okta", "Okta Identity Administration", ["cyberpath"], 16,
     "okta sso scim mfa federation",
     "Configure Okta for SSO, SCIM provisioning, MFA and federation with partner organisations."),
    ("pam", "Privileged Access Management", ["cyberpath"], 12,
     "pam cyberark least-privilege secrets-management",
     "Vault, rotate and monitor privileged credentials; least privilege for admins and service accounts."),
    ("grc", "Governance, Risk and Compliance Fundamentals", ["lakeshore", "plains", "littoral"], 30,
     "grc risk-assessment security-policy control-testing nist-csf iso-27001",
     "Build a GRC programme: policies, risk registers, control testing, NIST CSF and ISO 27001."),
    ("privacy", "Privacy and Data Protection in Canada", ["lakeshore", "littoral"], 15,
     "data-classification data-security data-anonymisation",
     "PIPEDA and provincial privacy laws in practice: classify, protect and de-identify personal information."),
    ("iso27001", "ISO 27001 Implementation", ["cyberpath"], 24,
     "iso-27001 iso-27002 it-risk-management security-policy it-audit",
     "Implement and audit an ISO 27001 information security management system."),
    ("cybersecure-canada", "CyberSecure Canada Readiness for Small Business", ["atlantic", "plains"], 10,
     "cybersecure-canada cyber-centre-guidance security-awareness-training",
     "Meet CyberSecure Canada's baseline controls; train staff and follow Canadian Centre for Cyber Security guidance."),
    ("ai-fundamentals", "AI Fundamentals for Everyone", ["lakeshore", "atlantic", "littoral", "maplecloud"], 12,
     "artificial-intelligence ai-literacy machine-learning generative-ai responsible-ai",
     "What AI and machine learning can and cannot do; generative AI at work; using AI responsibly."),
    ("genai-work", "Generative AI at Work: Prompting and Productivity", ["maplecloud", "atlantic"], 8,
     "prompt-engineering generative-ai llms ai-productivity-tools microsoft-copilot",
     "Write effective prompts and use AI assistants such as Microsoft Copilot safely in daily work."),
    ("ml-intro", "Introduction to Machine Learning with Python", ["lakeshore", "littoral"], 48,
     "machine-learning supervised-learning scikit-learn model-evaluation feature-engineering python",
     "Train, evaluate and tune classical machine learning models with scikit-learn."),
    ("responsible-ai", "Responsible AI and AI Governance", ["lakeshore", "cyberpath"], 12,
     "responsible-ai ai-governance ai-fairness explainable-ai nist-ai-rmf",
     "Govern AI systems: fairness, explainability, risk management with the NIST AI RMF."),
    ("llm-apps", "Building LLM Applications with RAG", ["maplecloud"], 30,
     "llms rag embeddings vector-databases prompt-engineering",
     "Build retrieval-augmented generation apps: embeddings, vector databases and evaluation."),
    ("cloud-fundamentals", "Cloud Computing Fundamentals", ["maplecloud", "atlantic", "plains"], 20,
     "cloud-computing aws azure shared-responsibility cloud-storage",
     "Core cloud concepts and services on AWS and Azure: compute, storage, networking, security and cost."),
    ("devops", "DevOps Foundations: CI/CD, Containers and IaC", ["maplecloud", "lakeshore"], 40,
     "devops ci-cd containers kubernetes terraform git",
     "Automate builds and deployments with CI/CD pipelines, containers, Kubernetes and Terraform."),
    ("it-support", "IT Support Specialist", ["plains", "atlantic"], 60,
     "it-support hardware-troubleshooting windows-os active-directory networking network-troubleshooting",
     "Support users and systems: troubleshooting, Windows, Active Directory and networking basics."),
    ("project-coord", "Project Coordination Essentials", ["lakeshore", "plains"], 21,
     "project-management project-scheduling stakeholder-management project-risk-management ms-project",
     "Plan schedules, track risks and keep stakeholders informed on small and mid-size projects."),
    ("excel-advanced", "Advanced Excel for Business", ["atlantic", "littoral"], 15,
     "excel-advanced power-query excel-xlookup pivot-tables excel-dynamic-arrays",
     "Power Query, XLOOKUP, dynamic arrays and pivot tables for faster business analysis."),
    ("psw-dementia", "Dementia Care for Personal Support Workers", ["careworks"], 20,
     "dementia-care person-centred-care",
     "Person-centred approaches to caring for people living with dementia."),
    ("infection", "Infection Prevention and Control", ["careworks", "plains"], 8,
     "infection-control hand-hygiene",
     "Routine practices and additional precautions for infection prevention and control in care settings."),
    ("forklift", "Forklift Operator Certification", ["prairie"], 8,
     "forklift-operation forklift-certification warehouse-safety",
     "Safe counterbalance forklift operation with practical evaluation."),
    ("whmis", "WHMIS 2015 and Workplace Safety", ["prairie", "careworks"], 4,
     "whmis safety-awareness",
     "Hazard classes, labels and safety data sheets under WHMIS 2015."),
    ("solar-pv", "Solar PV Installation Fundamentals", ["prairie"], 40,
     "solar-pv electrical-wiring canadian-electrical-code",
     "Design basics, mounting, wiring and commissioning of residential solar PV systems."),
    ("food-safety", "Food Handler Certification", ["plains", "prairie"], 8,
     "food-safety food-handler-certification food-preparation",
     "Safe food handling, temperature control and sanitation for food service workers."),
]


def main():
    with open(ROOT / "data/taxonomies/skillsmatch/skills.tsv", newline="", encoding="utf-8") as f:
        known = {row["id"] for row in csv.DictReader(f, delimiter="\t")}
    issuer_ids = {i["key"]: i["id"] for i in json.loads((ROOT / "data/demo/issuers.json").read_text(encoding="utf-8"))["issuers"]}
    rng = random.Random(2027)
    rows, missing = [], set()
    for key, title, providers, hours, skills, description in COURSES:
        skill_ids = [s for s in skills.split() if s in known]
        missing |= {s for s in skills.split() if s not in known}
        for provider in providers:
            name, host, region, qa = PROVIDERS[provider]
            french = provider == "littoral"
            offering_hours = max(4, round(hours * rng.uniform(0.8, 1.25)))
            cost = 0 if rng.random() < 0.08 else round(offering_hours * rng.uniform(12, 38) / 5) * 5
            rows.append({
                "externalId": f"demo-{provider}-{key}",
                "title": title + (" (offert en français)" if french else ""),
                "provider": name,
                "issuerUri": issuer_ids[provider],
                "description": description,
                "url": f"https://{host}/courses/{key}",
                "hours": offering_hours,
                "cost": cost,
                "currency": "CAD",
                "format": rng.choice(["online", "online", "hybrid", "in-person"]) if region else "online",
                "language": "fr" if french else "en",
                "region": region,
                "qualityAssurance": qa,
                "skills": skill_ids,
                "stackableInto": [],
                "isDemo": True,
            })
    if missing:
        sys.exit("skills not in the shipped taxonomy: " + ", ".join(sorted(missing)))
    # Short courses from one provider stack into its longer programme in the same field.
    by_provider = {}
    for row in rows:
        by_provider.setdefault(row["provider"], []).append(row)
    for offerings in by_provider.values():
        longest = max(offerings, key=lambda o: o["hours"])
        for o in offerings:
            if o is not longest and set(o["skills"]) & set(longest["skills"]):
                o["stackableInto"].append(longest["externalId"])
    with open(OUT, "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} offerings to {OUT.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
