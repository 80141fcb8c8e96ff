package io.atolint.parse.terraform;

import io.atolint.model.Value;

import java.math.BigDecimal;

/**
 * The conversions Terraform applies to a variable's value for its declared primitive type
 * ({@code number} from {@code "3"}, {@code bool} from {@code "true"}); values that do not convert,
 * and complex types, are left as they are.
 */
final class TerraformTypes {
    private TerraformTypes() {
    }

    static Value convert(Value v, String type) {
        String t = type == null ? "" : type.strip();
        if (!(v instanceof Value.Scalar s) || s.value() == null) {
            return v;
        }
        Object x = s.value();
        switch (t) {
            case "number":
                if (x instanceof String str) {
                    BigDecimal n = io.atolint.model.Numbers.parse(str);
                    return n == null ? v : new Value.Scalar(n, s.how(), s.location());
                }
                return v;
            case "bool":
                if ("true".equals(x) || "false".equals(x)) {
                    return new Value.Scalar(Boolean.valueOf((String) x), s.how(), s.location());
                }
                return v;
            case "string":
                if (x instanceof BigDecimal d) {
                    return new Value.Scalar(d.stripTrailingZeros().toPlainString(), s.how(), s.location());
                }
                if (x instanceof Boolean b) {
                    return new Value.Scalar(b.toString(), s.how(), s.location());
                }
                return v;
            default:
                return v;
        }
    }

    /** Whether a type constraint is a collection or structure (a {@code --var} value is then HCL). */
    static boolean isComplex(String type) {
        String t = type == null ? "" : type.strip();
        return t.startsWith("list") || t.startsWith("map") || t.startsWith("set") || t.startsWith("object")
                || t.startsWith("tuple");
    }
}
