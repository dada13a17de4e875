using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace SkillsMatch.Credentials;

internal enum AddressKind { Public, Loopback, Private, Forbidden }

/// <summary>
/// Sorts an IP address into the classes <see cref="CredentialHttpClient"/> allows or refuses: every range of the IANA
/// IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and its updates) that is not globally reachable, multicast,
/// the deprecated IPv4-compatible IPv6 form (<c>::127.0.0.1</c>), and the host's own interface addresses (treated as
/// loopback: reaching them is reaching this machine).
/// </summary>
internal static class AddressPolicy
{
    private static readonly Lazy<HashSet<IPAddress>> OwnAddresses = new(ReadOwnAddresses);

    public static AddressKind Classify(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var kind = address.AddressFamily switch
        {
            AddressFamily.InterNetwork => ClassifyV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => ClassifyV6(address),
            _ => AddressKind.Forbidden,
        };
        return kind is AddressKind.Public or AddressKind.Private && IsOwn(address) ? AddressKind.Loopback : kind;
    }

    private static AddressKind ClassifyV4(byte[] b)
    {
        if (b[0] == 127) return AddressKind.Loopback;                               // 127/8
        if (b[0] == 10) return AddressKind.Private;                                 // 10/8 RFC 1918
        if (b[0] == 172 && (b[1] & 0xF0) == 16) return AddressKind.Private;         // 172.16/12 RFC 1918
        if (b[0] == 192 && b[1] == 168) return AddressKind.Private;                 // 192.168/16 RFC 1918
        if (b[0] == 100 && (b[1] & 0xC0) == 64) return AddressKind.Private;         // 100.64/10 RFC 6598 shared (CGNAT)
        if (b[0] == 0) return AddressKind.Forbidden;                                // 0/8 "this network"
        if (b[0] == 169 && b[1] == 254) return AddressKind.Forbidden;               // 169.254/16 link-local, cloud metadata
        if (b[0] >= 224) return AddressKind.Forbidden;                              // 224/4 multicast, 240/4 reserved, broadcast
        if (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2) return AddressKind.Forbidden;   // 192.0.0/24 IETF, 192.0.2/24 TEST-NET-1
        if (b[0] == 192 && b[1] == 31 && b[2] == 196) return AddressKind.Forbidden;     // 192.31.196/24 AS112-v4
        if (b[0] == 192 && b[1] == 52 && b[2] == 193) return AddressKind.Forbidden;     // 192.52.193/24 AMT
        if (b[0] == 192 && b[1] == 88 && b[2] == 99) return AddressKind.Forbidden;      // 192.88.99/24 6to4 relay anycast
        if (b[0] == 192 && b[1] == 175 && b[2] == 48) return AddressKind.Forbidden;     // 192.175.48/24 direct delegation AS112
        if (b[0] == 198 && (b[1] & 0xFE) == 18) return AddressKind.Forbidden;           // 198.18/15 benchmarking
        if (b[0] == 198 && b[1] == 51 && b[2] == 100) return AddressKind.Forbidden;     // 198.51.100/24 TEST-NET-2
        if (b[0] == 203 && b[1] == 0 && b[2] == 113) return AddressKind.Forbidden;      // 203.0.113/24 TEST-NET-3
        return AddressKind.Public;
    }

    private static AddressKind ClassifyV6(IPAddress address)
    {
        if (IPAddress.IPv6Loopback.Equals(address)) return AddressKind.Loopback;    // ::1
        var b = address.GetAddressBytes();
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0) return AddressKind.Forbidden;   // ::/128, ::/96 IPv4-compatible (deprecated): ::127.0.0.1
        if (address.IsIPv6Multicast || (b[0] == 0xFE && (b[1] & 0xC0) is 0x80 or 0xC0)) return AddressKind.Forbidden; // ff00::/8, fe80::/10, fec0::/10
        if ((b[0] & 0xFE) == 0xFC) return AddressKind.Private;                      // fc00::/7 unique local
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B)
        {
            if (b[4] == 0 && b[5] == 1) return AddressKind.Forbidden;              // 64:ff9b:1::/48 local-use NAT64
            return b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0 ? ClassifyV4(b[12..]) : AddressKind.Forbidden; // 64:ff9b::/96 embeds IPv4
        }
        if (b[0] == 0x01 && b[1] == 0x00 && b.AsSpan(2, 6).IndexOfAnyExcept((byte)0) < 0) return AddressKind.Forbidden; // 100::/64 discard
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] < 0x02) return AddressKind.Forbidden;     // 2001::/23 IETF (Teredo, benchmarking, ORCHID …)
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8) return AddressKind.Forbidden; // 2001:db8::/32 documentation
        if (b[0] == 0x20 && b[1] == 0x02) return ClassifyV4(b[2..6]);              // 2002::/16 6to4 embeds IPv4
        if (b[0] == 0x3F && b[1] == 0xFF && (b[2] & 0xF0) == 0) return AddressKind.Forbidden; // 3fff::/20 documentation
        if (b[0] == 0x5F && b[1] == 0x00) return AddressKind.Forbidden;            // 5f00::/16 SRv6 SIDs
        if ((b[0] & 0xE0) != 0x20) return AddressKind.Forbidden;                   // outside 2000::/3, nothing is global unicast
        return AddressKind.Public;
    }

    private static bool IsOwn(IPAddress address) => OwnAddresses.Value.Contains(address);

    private static HashSet<IPAddress> ReadOwnAddresses()
    {
        var own = new HashSet<IPAddress>();
        try
        {
            foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
                foreach (var unicast in nic.GetIPProperties().UnicastAddresses)
                    own.Add(unicast.Address.IsIPv4MappedToIPv6 ? unicast.Address.MapToIPv4() : unicast.Address);
        }
        catch (NetworkInformationException)
        {
            // No interface list (a restricted container): the ranges above still apply.
        }
        return own;
    }
}
