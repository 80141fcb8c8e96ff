package io.atolint.parse;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every instance method of SourceTree, default methods included, is forwarded. */
class ForwardingSourceTreeTest {

    @Test
    void forwardsEveryMethodOfTheInterface() {
        List<String> missing = new ArrayList<>();
        for (Method m : SourceTree.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            try {
                Method own = ForwardingSourceTree.class.getDeclaredMethod(m.getName(), m.getParameterTypes());
                if (Modifier.isAbstract(own.getModifiers())) {
                    missing.add(m.getName());
                }
            } catch (NoSuchMethodException e) {
                missing.add(m.getName());
            }
        }
        assertEquals(List.of(), missing, "methods of SourceTree that ForwardingSourceTree does not pass on");
    }
}
