package io.atolint.parse.terraform;

import io.atolint.model.Value;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static io.atolint.parse.terraform.Functions.arg;
import static io.atolint.parse.terraform.Functions.define;
import static io.atolint.parse.terraform.Functions.fail;
import static io.atolint.parse.terraform.Functions.intArg;
import static io.atolint.parse.terraform.Functions.number;
import static io.atolint.parse.terraform.Functions.one;
import static io.atolint.parse.terraform.Functions.text;

/** Terraform's IP network functions, IPv4 and IPv6, on address literals only (never a DNS lookup). */
final class NetworkFunctions {
    private NetworkFunctions() {
    }

    static void register() {
        define("cidrsubnet", (a, at, raw) -> Values.str(cidrsubnet(text(arg(a, 0, "cidrsubnet"), "cidrsubnet"),
                intArg(arg(a, 1, "cidrsubnet"), "cidrsubnet"), number(arg(a, 2, "cidrsubnet"), "cidrsubnet").toBigInteger()), at));
        define("cidrhost", (a, at, raw) -> Values.str(cidrhost(text(arg(a, 0, "cidrhost"), "cidrhost"),
                number(arg(a, 1, "cidrhost"), "cidrhost").toBigInteger()), at));
        define("cidrnetmask", (a, at, raw) -> Values.str(cidrnetmask(text(one(a, "cidrnetmask"), "cidrnetmask")), at));
        define("cidrsubnets", (a, at, raw) -> {
            String prefix = text(arg(a, 0, "cidrsubnets"), "cidrsubnets");
            List<Value> out = new ArrayList<>();
            BigInteger offset = BigInteger.ZERO; // addresses used so far, from the prefix start
            int hostBits = hostBits(prefix);
            for (int i = 1; i < a.size(); i++) {
                int newbits = intArg(a.get(i), "cidrsubnets");
                if (newbits < 0 || newbits > hostBits) {
                    return fail("cidrsubnets: " + newbits + " new bits do not fit in " + prefix);
                }
                BigInteger size = BigInteger.ONE.shiftLeft(hostBits - newbits);
                BigInteger netnum = offset.add(size).subtract(BigInteger.ONE).divide(size);
                out.add(Values.str(cidrsubnet(prefix, newbits, netnum), at));
                offset = netnum.add(BigInteger.ONE).multiply(size);
            }
            return Values.list(out, at);
        });
    }

    /** The dotted netmask of an IPv4 prefix. */
    static String cidrnetmask(String prefix) {
        Prefix p = Prefix.of(prefix, "cidrnetmask");
        if (p.bits() != 32) {
            throw new Functions.EvalError("cidrnetmask: only IPv4 prefixes have a netmask");
        }
        int len = p.len();
        BigInteger mask = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE).xor(BigInteger.ONE.shiftLeft(32 - len).subtract(BigInteger.ONE));
        return render(mask, 4);
    }

    private static int prefixLength(String text, int bits) {
        try {
            int len = Integer.parseInt(text.trim());
            if (len < 0 || len > bits) {
                throw new Functions.EvalError("prefix length " + len + " out of range");
            }
            return len;
        } catch (NumberFormatException e) {
            throw new Functions.EvalError("not a prefix length: " + text);
        }
    }

    /** A CIDR prefix: its address bytes and prefix length. */
    private record Prefix(byte[] addr, int len) {
        static Prefix of(String prefix, String fn) {
            int slash = prefix.indexOf('/');
            if (slash < 0) {
                throw new Functions.EvalError(fn + ": not a CIDR prefix: " + prefix);
            }
            byte[] addr = address(prefix.substring(0, slash));
            return new Prefix(addr, prefixLength(prefix.substring(slash + 1), addr.length * 8));
        }

        int bits() {
            return addr.length * 8;
        }
    }

    /** {@code cidrsubnet(prefix, newbits, netnum)} for IPv4 and IPv6. */
    static String cidrsubnet(String prefix, int newbits, BigInteger netnum) {
        Prefix p = Prefix.of(prefix, "cidrsubnet");
        byte[] addr = p.addr();
        int bits = p.bits();
        int len = p.len();
        int newLen = len + newbits;
        if (newbits < 0 || newLen > bits) {
            throw new Functions.EvalError("cidrsubnet: " + newbits + " new bits do not fit in " + prefix);
        }
        if (netnum.signum() < 0 || netnum.bitLength() > newbits) {
            throw new Functions.EvalError("cidrsubnet: " + netnum + " does not fit in " + newbits + " bits");
        }
        BigInteger base = new BigInteger(1, addr);
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - len).subtract(BigInteger.ONE));
        BigInteger net = base.and(mask).or(netnum.shiftLeft(bits - newLen));
        return render(net, addr.length) + "/" + newLen;
    }

    private static int hostBits(String prefix) {
        Prefix p = Prefix.of(prefix, "cidrsubnets");
        return p.bits() - p.len();
    }

    static String cidrhost(String prefix, BigInteger host) {
        Prefix p = Prefix.of(prefix, "cidrhost");
        byte[] addr = p.addr();
        int bits = p.bits();
        int len = p.len();
        BigInteger size = BigInteger.ONE.shiftLeft(bits - len);
        if (host.signum() < 0) {
            host = size.add(host);
        }
        if (host.signum() < 0 || host.compareTo(size) >= 0) {
            throw new Functions.EvalError("cidrhost: host number out of range");
        }
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).xor(size.subtract(BigInteger.ONE));
        return render(new BigInteger(1, addr).and(mask).or(host), addr.length);
    }

    /**
     * An IP address literal. IPv4 is parsed here: InetAddress would look up in DNS any dotted text it cannot
     * read as a literal ("999.1.1.1", "dead.beef"). Text with a colon is an IPv6 literal for InetAddress,
     * which never resolves it as a host name.
     */
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]+");

    private static byte[] address(String s) {
        String t = s.trim();
        if (IPV4.matcher(t).matches()) {
            byte[] out = new byte[4];
            String[] parts = t.split("\\.");
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(parts[i]);
                if (octet > 255) {
                    throw new Functions.EvalError("not an IP address: " + s);
                }
                out[i] = (byte) octet;
            }
            return out;
        }
        if (!t.contains(":") || !IPV6_CHARS.matcher(t).matches()) {
            throw new Functions.EvalError("not an IP address: " + s);
        }
        try {
            return InetAddress.getByName(t).getAddress();
        } catch (UnknownHostException e) {
            throw new Functions.EvalError("not an IP address: " + s);
        }
    }

    private static String render(BigInteger n, int bytes) {
        byte[] raw = n.toByteArray();
        byte[] out = new byte[bytes];
        int copy = Math.min(raw.length, bytes);
        System.arraycopy(raw, raw.length - copy, out, bytes - copy, copy);
        if (bytes == 4) {
            return (out[0] & 0xFF) + "." + (out[1] & 0xFF) + "." + (out[2] & 0xFF) + "." + (out[3] & 0xFF);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((out[2 * i] & 0xFF) << 8) | (out[2 * i + 1] & 0xFF);
        }
        // RFC 5952: the longest run of two or more zero groups (the first on a tie) becomes "::"
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                b.append("::");
                i += bestLen - 1;
                continue;
            }
            if (b.length() > 0 && b.charAt(b.length() - 1) != ':') {
                b.append(':');
            }
            b.append(Integer.toHexString(groups[i]));
        }
        return b.toString();
    }

}
