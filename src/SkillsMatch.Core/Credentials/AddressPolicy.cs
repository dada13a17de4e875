using System.Net;
using System.Net.Sockets;

namespace SkillsMatch.Credentials;

internal enum AddressKind { Public, Loopback, Private, Forbidden }

/// <summary>Sorts an IP address into the classes <see cref="CredentialHttpClient"/> allows or refuses.</summary>
internal static class AddressPolicy
{
    public static AddressKind Classify(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => ClassifyV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => ClassifyV6(address),
            _ => AddressKind.Forbidden,
        };
    }

    private static AddressKind ClassifyV4(byte[] b)
    {
        if (b[0] == 127) return AddressKind.Loopback;
        if (b[0] == 10) return AddressKind.Private;                                 // RFC 1918
        if (b[0] == 172 && (b[1] & 0xF0) == 16) return AddressKind.Private;         // RFC 1918
        if (b[0] == 192 && b[1] == 168) return AddressKind.Private;                 // RFC 1918
        if (b[0] == 100 && (b[1] & 0xC0) == 64) return AddressKind.Private;         // RFC 6598 CGNAT
        if (b[0] == 0) return AddressKind.Forbidden;                                // "this network"
        if (b[0] == 169 && b[1] == 254) return AddressKind.Forbidden;               // link-local, cloud metadata
        if (b[0] >= 224) return AddressKind.Forbidden;                              // multicast, reserved, broadcast
        if (b[0] == 192 && b[1] == 0 && b[2] == 0) return AddressKind.Forbidden;    // IETF protocol assignments
        if (b[0] == 198 && (b[1] & 0xFE) == 18) return AddressKind.Forbidden;       // benchmarking
        return AddressKind.Public;
    }

    private static AddressKind ClassifyV6(IPAddress address)
    {
        if (IPAddress.IPv6Loopback.Equals(address)) return AddressKind.Loopback;
        if (IPAddress.IPv6None.Equals(address)) return AddressKind.Forbidden;       // ::
        if (address.IsIPv6LinkLocal || address.IsIPv6Multicast || address.IsIPv6SiteLocal) return AddressKind.Forbidden;
        var b = address.GetAddressBytes();
        if ((b[0] & 0xFE) == 0xFC) return AddressKind.Private;                      // fc00::/7 unique local
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B)           // 64:ff9b::/96 NAT64 embeds IPv4
            return ClassifyV4(b[12..]);
        if (b[0] == 0x20 && b[1] == 0x02)                                           // 2002::/16 6to4 embeds IPv4
            return ClassifyV4(b[2..6]);
        return AddressKind.Public;
    }
}
