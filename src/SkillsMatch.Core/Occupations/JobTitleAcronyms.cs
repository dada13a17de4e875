namespace SkillsMatch.Occupations;

/// <summary>
/// Abbreviations and acronyms spelled out in job titles before they are compared with a taxonomy's titles, which
/// spell them out ("RN" → registered nurse, "MEAL" → monitoring, evaluation, accountability and learning). Keys are
/// lower case, one title word each; a value may be several words. The table is listed in the README
/// ("Title → occupation"); add a row when a common title is missed because of its acronym.
/// Some Malay head words of vacancy titles are here too ("jurutera" → engineer): they were seen on the tuning half of
/// the JobBERT development titles, and only the held-out half is reported.
/// </summary>
public static class JobTitleAcronyms
{
    public static IReadOnlyDictionary<string, string> Table { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Health and care
        ["rn"] = "registered nurse", ["rpn"] = "registered practical nurse", ["lpn"] = "licensed practical nurse",
        ["np"] = "nurse practitioner", ["psw"] = "personal support worker", ["ece"] = "early childhood educator",
        ["hca"] = "health care aide", ["cna"] = "nursing assistant", ["mlt"] = "medical laboratory technologist",
        ["mla"] = "medical laboratory assistant", ["ot"] = "occupational therapist", ["pt"] = "physiotherapist",
        // Grades and functions
        ["dev"] = "developer", ["devs"] = "developer", ["eng"] = "engineer", ["engr"] = "engineer", ["mgr"] = "manager",
        ["asst"] = "assistant", ["coord"] = "coordinator", ["rep"] = "representative", ["tech"] = "technician",
        ["techs"] = "technician", ["exec"] = "executive", ["hr"] = "human resources", ["acct"] = "accounting",
        ["ap"] = "accounts payable", ["ar"] = "accounts receivable", ["csr"] = "customer service representative",
        ["pa"] = "personal assistant", ["gm"] = "general manager", ["ceo"] = "chief executive officer",
        ["cfo"] = "chief financial officer", ["cto"] = "chief technology officer", ["vp"] = "vice president",
        // Quality, safety, monitoring
        ["qa"] = "quality assurance", ["qc"] = "quality control", ["qaqc"] = "quality control",
        ["hse"] = "health safety environment", ["ehs"] = "environment health safety", ["she"] = "safety health environment",
        ["osh"] = "occupational safety health", ["meal"] = "monitoring evaluation accountability learning",
        ["mel"] = "monitoring evaluation learning", ["pmel"] = "planning monitoring evaluation learning",
        // IT and data
        ["bi"] = "business intelligence",
        ["swe"] = "software engineer", ["sre"] = "site reliability engineer", ["pm"] = "project manager",
        ["ml"] = "machine learning", ["ai"] = "artificial intelligence", ["ui"] = "user interface", ["ux"] = "user experience",
        ["sysadmin"] = "systems administrator", ["dba"] = "database administrator", ["soc"] = "security operations centre",
        ["seo"] = "search engine optimisation",
        // Trades and transport
        ["az"] = "tractor trailer truck", ["dz"] = "straight truck", ["cdl"] = "truck", ["hvac"] = "hvac",
        ["cnc"] = "cnc machine",
        // Malay head words (myfuturejobs.gov.my titles)
        ["jurutera"] = "engineer", ["juruteknik"] = "technician", ["kerani"] = "clerk", ["pembantu"] = "assistant",
        ["pemandu"] = "driver", ["pengurus"] = "manager", ["penyelia"] = "supervisor", ["eksekutif"] = "executive",
        ["pereka"] = "designer", ["grafik"] = "graphic", ["akauntan"] = "accountant", ["jurujual"] = "salesperson",
        ["pengawal"] = "guard", ["keselamatan"] = "security", ["tukang"] = "worker", ["masak"] = "cook",
        ["pengeluaran"] = "production", ["operasi"] = "operations", ["jualan"] = "sales", ["akaun"] = "accounts",
        ["pentadbiran"] = "administration", ["pelayan"] = "waiter", ["pencuci"] = "cleaner", ["guru"] = "teacher",
    };
}
