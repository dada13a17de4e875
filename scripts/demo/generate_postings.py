#!/usr/bin/env python3
"""Writes data/demo/postings.jsonl: fictional schema.org JobPostings for the demo, one per line.

Every posting is demo data: invented employers, identifiers starting with "demo-", and the property
"skillsmatch:demo": true. Skills come from the shipped taxonomy's occupation profiles, phrased the
way real Canadian postings phrase them, so the extraction pipeline has realistic text to work on.
Deterministic: the same taxonomy gives the same file. Dates are relative to AS_OF; the loader shifts
them so the demo never goes stale.
"""
import csv, json, random, sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TAXONOMY = ROOT / "data/taxonomies/skillsmatch"
OUT = ROOT / "data/demo/postings.jsonl"
AS_OF = date(2026, 11, 28)

CITIES = [
    ("Toronto", "ON"), ("Toronto", "ON"), ("Mississauga", "ON"), ("Ottawa", "ON"), ("Hamilton", "ON"),
    ("Kitchener", "ON"), ("London", "ON"), ("Montréal", "QC"), ("Québec", "QC"), ("Vancouver", "BC"),
    ("Surrey", "BC"), ("Victoria", "BC"), ("Calgary", "AB"), ("Edmonton", "AB"), ("Winnipeg", "MB"),
    ("Regina", "SK"), ("Saskatoon", "SK"), ("Halifax", "NS"), ("Moncton", "NB"), ("St. John's", "NL"),
    ("Charlottetown", "PE"), ("Whitehorse", "YT"),
]
EMPLOYERS = {
    "data": ["Northbound Analytics", "Maple Insight Group", "Prairie Data Co-op", "Harbourline Research"],
    "ict": ["Lakeshore Software", "Boreal Systems", "Cedar & Pixel Labs", "True North Cloud Services"],
    "security": ["Shieldwall Cyber", "Aurora Secure Networks", "Granite Trust Services", "Beacon Cyber Defence"],
    "ai": ["Loon AI Studio", "Polaris Machine Intelligence", "Northern Lights NLP"],
    "health": ["Riverside Community Health", "Bayview Care Homes", "Lakehead Regional Hospital", "Eastgate Family Clinic"],
    "trades": ["Keystone Electrical", "Pinecrest Mechanical", "Frontier Fabrication", "Summit Building Services"],
    "construction": ["Tamarack Builders", "Capstone Construction", "Westshore Civil"],
    "logistics": ["Crossdock Logistics", "Lakehead Freight", "Evergreen Distribution", "Portside Supply"],
    "business": ["Birchwood Consulting", "Glacier Financial Group", "Ridgeway Professional Services"],
    "finance": ["Glacier Financial Group", "Credit Union of the North", "Maplewood Accounting"],
    "hospitality": ["Harbourfront Hotel", "Saltwater Kitchen", "The Prairie Table"],
    "retail": ["Northern Goods Co.", "Cornerstone Market", "Timberline Outfitters"],
    "manufacturing": ["Great Lakes Components", "Precision Maple Manufacturing", "Atlantic Foods"],
    "hr": ["Birchwood Consulting", "People First HR Services"],
    "green": ["Sunpath Energy", "Greenleaf Retrofits"],
    "safety": ["Tamarack Builders", "Great Lakes Components"],
    "customer-service": ["Northern Goods Co.", "Lakeshore Telecom"],
    "education": ["Little Maples Child Care"],
}
REMOTE_SECTORS = {"data", "ict", "security", "ai", "business", "finance", "hr"}
SALARY = {  # hourly for hands-on sectors, yearly otherwise (CAD)
    "data": (62000, 105000, "YEAR"), "ict": (68000, 125000, "YEAR"), "security": (70000, 130000, "YEAR"),
    "ai": (85000, 150000, "YEAR"), "business": (55000, 95000, "YEAR"), "finance": (50000, 110000, "YEAR"),
    "hr": (52000, 90000, "YEAR"), "health": (21, 48, "HOUR"), "trades": (24, 45, "HOUR"),
    "construction": (22, 42, "HOUR"), "logistics": (18, 32, "HOUR"), "hospitality": (16.5, 26, "HOUR"),
    "retail": (16.5, 24, "HOUR"), "manufacturing": (18, 30, "HOUR"), "green": (24, 40, "HOUR"),
    "safety": (58000, 88000, "YEAR"), "customer-service": (17, 24, "HOUR"), "education": (19, 27, "HOUR"),
}
OPENERS = [
    "{employer} is {adjective} {kind} based in {city}. We are growing and looking for a {title} to join our team.",
    "Join {employer}, {adjective} {kind} serving clients across Canada. We are hiring a {title} in {city}.",
    "At {employer} we believe great work starts with great people. Our {city} team needs a {title}.",
]
ADJECTIVES = ["community-focused", "fast-growing", "employee-owned", "award-winning", "mid-sized", "well-established"]
KINDS = {"health": "care provider", "trades": "contractor", "construction": "general contractor", "logistics": "logistics company",
         "hospitality": "hospitality group", "retail": "retailer", "manufacturing": "manufacturer", "education": "child care centre"}
DUTY = {
    "skill": ["Apply {label} in day-to-day work", "Use {label} to deliver results for the team", "Take the lead on {label}"],
    "knowledge": ["Apply your knowledge of {label} on the job", "Keep our work aligned with {label}"],
    "tool": ["Work daily with {label}", "Maintain and improve our use of {label}"],
    "transversal": ["Show {label} with colleagues and clients", "Bring {label} to every shift and project"],
    "language": ["Serve clients in {label}"],
}
MUST = ["Proven {label}", "Experience with {label}", "Solid {label} skills", "Working knowledge of {label}", "Hands-on experience with {label}"]
YEARS = ["{n}+ years of experience in {label}", "At least {n} years of {label} experience", "Minimum {n} years working with {label}"]
NICE = ["Experience with {label} is an asset", "{Label} would be a plus", "Nice to have: {label}", "Familiarity with {label} is preferred"]
BENEFITS = [
    "We offer extended health and dental benefits from day one, a group RRSP match and paid personal days.",
    "Benefits include a health spending account, three weeks of vacation, and paid training and certification.",
    "You will get flexible hours, an employee assistance program, and a yearly learning budget.",
]
CLOSING = [
    "{employer} is an equal opportunity employer and welcomes applications from all qualified candidates. Accommodations are available on request throughout the hiring process.",
    "We are committed to an inclusive, barrier-free workplace. Please let us know if you need an accommodation at any stage.",
]


def read_tsv(name):
    with open(TAXONOMY / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def phrase(templates, skill, rng, **extra):
    label = skill["label"]
    text = rng.choice(templates).format(label=label, Label=label[0].upper() + label[1:], **extra)
    return text[0].upper() + text[1:]


def posting(rng, occupation, skills, serial):
    sector = occupation["sector"] if occupation["sector"] in EMPLOYERS else "business"
    employer = rng.choice(EMPLOYERS[sector])
    city, province = rng.choice(CITIES)
    titles = [occupation["title"]] + [t for t in occupation["alt_titles"].split("|") if t]
    title = rng.choice(titles)
    title = title[0].upper() + title[1:]
    essential = [skills[s] for s in occupation["essential"].split("|") if s in skills]
    optional = [skills[s] for s in occupation["optional"].split("|") if s in skills]
    rng.shuffle(essential); rng.shuffle(optional)
    must = essential[: rng.randint(4, min(8, max(4, len(essential))))]
    nice = optional[: rng.randint(2, min(5, max(2, len(optional))))]
    duties = essential[len(must):] + must[:3]

    adjective = rng.choice(ADJECTIVES)
    adjective = ("an " if adjective[0] in "aeiou" else "a ") + adjective
    lines = [rng.choice(OPENERS).format(employer=employer, adjective=adjective,
                                        kind=KINDS.get(sector, "organisation"), city=city, title=title)]
    if occupation["description"]:
        lines.append("About the role: the " + occupation["title"] + " " + occupation["description"][0].lower() + occupation["description"][1:])
    lines.append("What you will do:")
    lines += ["- " + phrase(DUTY[s["type"]], s, rng) + "." for s in duties[:6]]
    lines.append("What you bring (must have):")
    for i, s in enumerate(must):
        if i == 0:
            years = rng.choice([1, 2, 3, 5])
            lines.append("- " + phrase(YEARS, s, rng, n=years).replace("1+ years", "1+ year").replace("1 years", "1 year") + ".")
        else:
            lines.append("- " + phrase(MUST, s, rng) + ".")
    lines.append("Nice to have:")
    lines += ["- " + phrase(NICE, s, rng) + "." for s in nice]
    lines.append(rng.choice(BENEFITS))
    lines.append(rng.choice(CLOSING).format(employer=employer))

    posted = AS_OF - timedelta(days=rng.randint(0, 40))
    lifetime = rng.choice([30, 45, 60, 90])
    low, high, unit = SALARY.get(sector, (50000, 80000, "YEAR"))
    minimum = round(rng.uniform(low, (low + high) / 2), 2 if unit == "HOUR" else -3)
    maximum = round(minimum * rng.uniform(1.1, 1.35), 2 if unit == "HOUR" else -3)
    location_type = None
    if sector in REMOTE_SECTORS and rng.random() < 0.3:
        location_type = "TELECOMMUTE"
    job = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "identifier": {"@type": "PropertyValue", "name": employer, "value": f"demo-{serial:04d}"},
        "title": title,
        "description": "\n".join(lines),
        "skills": ", ".join(s["label"] for s in must),
        "datePosted": posted.isoformat(),
        "validThrough": (posted + timedelta(days=lifetime)).isoformat(),
        "employmentType": rng.choice(["FULL_TIME"] * 4 + ["PART_TIME", "CONTRACTOR", "TEMPORARY"]),
        "hiringOrganization": {"@type": "Organization", "name": employer},
        "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": city,
                                                      "addressRegion": province, "addressCountry": "CA"}},
        "baseSalary": {"@type": "MonetaryAmount", "currency": "CAD",
                       "value": {"@type": "QuantitativeValue", "minValue": minimum, "maxValue": maximum, "unitText": unit}},
        "experienceRequirements": {"@type": "OccupationalExperienceRequirements",
                                   "monthsOfExperience": rng.choice([0, 6, 12, 24, 36, 60])},
        "skillsmatch:demo": True,
    }
    if location_type:
        job["jobLocationType"] = location_type
        job["applicantLocationRequirements"] = {"@type": "Country", "name": "Canada"}
    return job


def main():
    rng = random.Random(2026)
    skills = {row["id"]: row for row in read_tsv("skills.tsv")}
    occupations = read_tsv("occupations.tsv")
    # Demand is uneven, as in the real market: data, security, cloud and care roles post more often.
    extra = {"data": 2, "security": 2, "ict": 1, "health": 1, "ai": 1, "logistics": 1}
    serial = 1
    with open(OUT, "w", encoding="utf-8") as out:
        for occupation in occupations:
            for _ in range(1 + (extra.get(occupation["sector"], 0) if rng.random() < 0.5 else 0)):
                out.write(json.dumps(posting(rng, occupation, skills, serial), ensure_ascii=False) + "\n")
                serial += 1
    print(f"wrote {serial - 1} postings to {OUT.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
