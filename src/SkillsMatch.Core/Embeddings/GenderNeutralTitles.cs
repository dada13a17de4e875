using System.Text.RegularExpressions;

namespace SkillsMatch.Embeddings;

/// <summary>
/// Gendered job titles in their neutral form (waitress and waiter → server), applied to the experience titles a
/// learner's profile vector is made from, so the same work reads the same whoever did it: the counterfactual test
/// (issue 18) saw "chairman" against "chairperson" move a score by 2.4 points through profile similarity alone.
/// </summary>
public static partial class GenderNeutralTitles
{
    private static readonly Dictionary<string, string> Neutral = new(StringComparer.OrdinalIgnoreCase)
    {
        ["waitress"] = "server", ["waiter"] = "server", ["waitresses"] = "servers", ["waiters"] = "servers",
        ["chairman"] = "chairperson", ["chairwoman"] = "chairperson",
        ["salesman"] = "salesperson", ["saleswoman"] = "salesperson", ["salesmen"] = "salespeople", ["saleswomen"] = "salespeople",
        ["foreman"] = "supervisor", ["forewoman"] = "supervisor",
        ["stewardess"] = "flight attendant", ["steward"] = "flight attendant",
        ["policeman"] = "police officer", ["policewoman"] = "police officer",
        ["fireman"] = "firefighter", ["firewoman"] = "firefighter",
        ["businessman"] = "businessperson", ["businesswoman"] = "businessperson",
        ["craftsman"] = "craftsperson", ["craftswoman"] = "craftsperson",
        ["tradesman"] = "tradesperson", ["tradeswoman"] = "tradesperson",
        ["spokesman"] = "spokesperson", ["spokeswoman"] = "spokesperson",
        ["headmaster"] = "head teacher", ["headmistress"] = "head teacher",
        ["barman"] = "bartender", ["barmaid"] = "bartender",
        ["postman"] = "mail carrier", ["mailman"] = "mail carrier", ["postwoman"] = "mail carrier",
        ["cameraman"] = "camera operator", ["camerawoman"] = "camera operator",
        ["actress"] = "actor", ["hostess"] = "host",
        ["repairman"] = "repair technician", ["handyman"] = "maintenance worker",
        ["deliveryman"] = "delivery driver", ["fisherman"] = "fisher", ["workman"] = "worker",
    };

    public static string Rewrite(string title) => Words().Replace(title, m => Neutral.TryGetValue(m.Value, out var neutral) ? neutral : m.Value);

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();
}
