package io.atolint.parse.terraform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.atolint.model.SourceLocation;
import io.atolint.model.Value;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static io.atolint.parse.terraform.Functions.arg;
import static io.atolint.parse.terraform.Functions.define;
import static io.atolint.parse.terraform.Functions.fail;
import static io.atolint.parse.terraform.Functions.one;
import static io.atolint.parse.terraform.Functions.text;

/**
 * Terraform's encoding and hash functions: JSON, YAML (decoding), CSV, base64, URL and character-set
 * encodings, the digests of a string and {@code uuidv5}. Decoders are bounded like every reader of
 * the scan (no YAML alias bombs, no class construction).
 */
final class EncodingFunctions {
    private static final int MAX_DEPTH = 64;

    private EncodingFunctions() {
    }

    static void register() {
        define("jsonencode", (a, at, raw) -> Values.str(jsonencode(one(a, "jsonencode")), at));
        define("jsondecode", (a, at, raw) -> {
            try {
                return fromJson(JsonMapper.JSON.readTree(text(one(a, "jsondecode"), "jsondecode")), at, 0);
            } catch (JsonProcessingException e) {
                throw new Functions.EvalError("jsondecode: invalid JSON");
            }
        });
        define("yamldecode", (a, at, raw) -> yamldecode(text(one(a, "yamldecode"), "yamldecode"), at));
        define("csvdecode", (a, at, raw) -> csvdecode(text(one(a, "csvdecode"), "csvdecode"), at));
        define("base64encode", (a, at, raw) -> Values.str(Base64.getEncoder().encodeToString(
                text(one(a, "base64encode"), "base64encode").getBytes(StandardCharsets.UTF_8)), at));
        define("base64decode", (a, at, raw) -> Values.str(decodeText(base64(text(one(a, "base64decode"), "base64decode")),
                StandardCharsets.UTF_8, "base64decode"), at));
        define("textencodebase64", (a, at, raw) -> {
            Charset cs = charset(text(arg(a, 1, "textencodebase64"), "textencodebase64"));
            String s = text(arg(a, 0, "textencodebase64"), "textencodebase64");
            if (!cs.newEncoder().canEncode(s)) {
                return fail("textencodebase64: the text cannot be written in " + cs.name());
            }
            return Values.str(Base64.getEncoder().encodeToString(s.getBytes(cs)), at);
        });
        define("textdecodebase64", (a, at, raw) -> Values.str(decodeText(base64(text(arg(a, 0, "textdecodebase64"),
                "textdecodebase64")), charset(text(arg(a, 1, "textdecodebase64"), "textdecodebase64")), "textdecodebase64"), at));
        define("urlencode", (a, at, raw) -> Values.str(URLEncoder.encode(text(one(a, "urlencode"), "urlencode"),
                StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~"), at));
        define("md5", (a, at, raw) -> Values.str(hex(digest("MD5", text(one(a, "md5"), "md5"))), at));
        define("sha1", (a, at, raw) -> Values.str(hex(digest("SHA-1", text(one(a, "sha1"), "sha1"))), at));
        define("sha256", (a, at, raw) -> Values.str(hex(digest("SHA-256", text(one(a, "sha256"), "sha256"))), at));
        define("sha512", (a, at, raw) -> Values.str(hex(digest("SHA-512", text(one(a, "sha512"), "sha512"))), at));
        define("base64sha256", (a, at, raw) -> Values.str(Base64.getEncoder().encodeToString(
                digest("SHA-256", text(one(a, "base64sha256"), "base64sha256"))), at));
        define("base64sha512", (a, at, raw) -> Values.str(Base64.getEncoder().encodeToString(
                digest("SHA-512", text(one(a, "base64sha512"), "base64sha512"))), at));
        define("uuidv5", (a, at, raw) -> Values.str(uuidv5(text(arg(a, 0, "uuidv5"), "uuidv5"),
                text(arg(a, 1, "uuidv5"), "uuidv5")), at));
    }

    // ---------------------------------------------------------------- JSON

    static String jsonencode(Value v) {
        try {
            return JsonMapper.JSON.writeValueAsString(plain(v, 0));
        } catch (JsonProcessingException e) {
            throw new Functions.EvalError("jsonencode: " + e.getMessage());
        }
    }

    /** A string as a JSON string literal (format's %q). */
    static String jsonString(String s) {
        try {
            return JsonMapper.JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new Functions.EvalError("cannot quote the string");
        }
    }

    private static Object plain(Value v, int depth) {
        if (depth > MAX_DEPTH) {
            throw new Functions.EvalError("the value nests too deeply to encode");
        }
        if (v instanceof Value.Scalar s) {
            return s.value();
        }
        if (v instanceof Value.ListV l) {
            List<Object> out = new ArrayList<>();
            l.items().forEach(i -> out.add(plain(i, depth + 1)));
            return out;
        }
        if (v instanceof Value.MapV m) {
            Map<String, Object> out = new TreeMap<>();
            m.entries().forEach((k, x) -> out.put(k, plain(x, depth + 1)));
            return out;
        }
        throw new Functions.EvalError("cannot encode " + v);
    }

    private static Value fromJson(JsonNode n, SourceLocation at, int depth) {
        if (depth > MAX_DEPTH) {
            throw new Functions.EvalError("jsondecode: the document nests too deeply");
        }
        if (n.isObject()) {
            Map<String, Value> m = new LinkedHashMap<>();
            n.fields().forEachRemaining(e -> m.put(e.getKey(), fromJson(e.getValue(), at, depth + 1)));
            return Values.map(m, at);
        }
        if (n.isArray()) {
            List<Value> l = new ArrayList<>();
            n.forEach(x -> l.add(fromJson(x, at, depth + 1)));
            return Values.list(l, at);
        }
        if (n.isNumber()) {
            return Values.num(n.decimalValue(), at);
        }
        if (n.isBoolean()) {
            return Values.bool(n.booleanValue(), at);
        }
        if (n.isNull()) {
            return Values.nul(at);
        }
        return Values.str(n.asText(), at);
    }

    // ---------------------------------------------------------------- YAML and CSV

    private static Value yamldecode(String s, SourceLocation at) {
        LoadSettings settings = LoadSettings.builder().setSchema(new org.snakeyaml.engine.v2.schema.CoreSchema())
                .setMaxAliasesForCollections(50).setAllowRecursiveKeys(false)
                // the string is already within --limit value-size; aliases are bounded above
                .setCodePointLimit(s.length() + 1).build();
        List<Object> docs = new ArrayList<>();
        try {
            new Load(settings).loadAllFromString(s).forEach(docs::add);
        } catch (YamlEngineException | IllegalArgumentException e) {
            throw new Functions.EvalError("yamldecode: invalid YAML");
        }
        if (docs.size() > 1) {
            return fail("yamldecode: the text holds more than one document");
        }
        return fromYaml(docs.isEmpty() ? null : docs.get(0), at, 0);
    }

    private static Value fromYaml(Object o, SourceLocation at, int depth) {
        if (depth > MAX_DEPTH) {
            throw new Functions.EvalError("yamldecode: the document nests too deeply");
        }
        if (o == null) {
            return Values.nul(at);
        }
        if (o instanceof Map<?, ?> m) {
            Map<String, Value> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(String.valueOf(e.getKey()), fromYaml(e.getValue(), at, depth + 1));
            }
            return Values.map(out, at);
        }
        if (o instanceof List<?> l) {
            List<Value> out = new ArrayList<>();
            for (Object i : l) {
                out.add(fromYaml(i, at, depth + 1));
            }
            return Values.list(out, at);
        }
        if (o instanceof Boolean b) {
            return Values.bool(b, at);
        }
        if (o instanceof Integer || o instanceof Long || o instanceof BigInteger) {
            return Values.num(new BigDecimal(o.toString()), at);
        }
        if (o instanceof Double || o instanceof Float) {
            double d = ((Number) o).doubleValue();
            return Double.isFinite(d) ? Values.num(BigDecimal.valueOf(d), at) : fail("yamldecode: a number that is not finite");
        }
        if (o instanceof byte[]) {
            return fail("yamldecode: binary values are not supported");
        }
        return Values.str(String.valueOf(o), at);
    }

    /** RFC 4180 CSV: a header line, then one object per line with a string per column. */
    private static Value csvdecode(String s, SourceLocation at) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            any = true;
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                any = false;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return fail("csvdecode: a quoted field is never closed");
        }
        if (any) {
            row.add(field.toString());
            rows.add(row);
        }
        if (rows.isEmpty()) {
            return fail("csvdecode: no header line");
        }
        List<String> header = rows.get(0);
        List<Value> out = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> cells = rows.get(r);
            if (cells.size() != header.size()) {
                return fail("csvdecode: line " + (r + 1) + " has " + cells.size() + " fields, the header " + header.size());
            }
            Map<String, Value> m = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), Values.str(cells.get(i), at));
            }
            out.add(Values.map(m, at));
        }
        return Values.list(out, at);
    }

    // ---------------------------------------------------------------- bytes, digests

    private static byte[] base64(String s) {
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new Functions.EvalError("invalid base64");
        }
    }

    private static String decodeText(byte[] bytes, Charset cs, String fn) {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Functions.EvalError(fn + ": the bytes are not valid " + cs.name());
        }
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            throw new Functions.EvalError("unsupported encoding " + name);
        }
    }

    private static byte[] digest(String algorithm, String s) {
        try {
            return MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new Functions.EvalError(algorithm + " is not available");
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    /** RFC 4122 name-based UUID (SHA-1) in a namespace: dns, url, oid, x500 or a UUID. */
    static String uuidv5(String namespace, String name) {
        String ns = switch (namespace.toLowerCase(Locale.ROOT)) {
            case "dns" -> "6ba7b810-9dad-11d1-80b4-00c04fd430c8";
            case "url" -> "6ba7b811-9dad-11d1-80b4-00c04fd430c8";
            case "oid" -> "6ba7b812-9dad-11d1-80b4-00c04fd430c8";
            case "x500" -> "6ba7b814-9dad-11d1-80b4-00c04fd430c8";
            default -> namespace;
        };
        UUID nsId;
        try {
            nsId = UUID.fromString(ns);
        } catch (IllegalArgumentException e) {
            throw new Functions.EvalError("uuidv5: " + namespace + " is not a namespace");
        }
        ByteBuffer in = ByteBuffer.allocate(16 + name.getBytes(StandardCharsets.UTF_8).length);
        in.putLong(nsId.getMostSignificantBits()).putLong(nsId.getLeastSignificantBits()).put(name.getBytes(StandardCharsets.UTF_8));
        byte[] h;
        try {
            h = MessageDigest.getInstance("SHA-1").digest(in.array());
        } catch (NoSuchAlgorithmException e) {
            throw new Functions.EvalError("SHA-1 is not available");
        }
        h[6] = (byte) ((h[6] & 0x0f) | 0x50);
        h[8] = (byte) ((h[8] & 0x3f) | 0x80);
        ByteBuffer out = ByteBuffer.wrap(h, 0, 16);
        return new UUID(out.getLong(), out.getLong()).toString();
    }
}
