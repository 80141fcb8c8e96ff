package io.atolint.checks.mon;

import io.atolint.checks.support.Refs;
import io.atolint.model.Kind;
import io.atolint.model.Model;
import io.atolint.model.Names;
import io.atolint.model.Resource;
import io.atolint.model.Setting;
import io.atolint.model.Severity;
import io.atolint.model.Tri;
import io.atolint.model.Value;
import io.atolint.model.ValueWalker;
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TV-5.3 wants alarms that reach the operations staff. An alarm without actions (or with actions
 * disabled) notifies no one: a finding on the alarm. Within one template or Terraform configuration that
 * defines alarms, every load balancer, database and Auto Scaling group should be watched by one (its
 * dimensions name it): one that is not is a finding, or a note when an alarm there names what it watches
 * by a value the files do not give (a parameter). A template that defines no alarm may well be watched
 * from another stack: a note per unit, whatever other templates of the scan define.
 */
@Rule(id = "MON003", title = "Load balancers, databases and Auto Scaling groups have alarms with actions",
        severity = Severity.LOW, tags = {"monitoring", "alarms"})
public final class AlarmsWithActions implements Check {
    static final Kind[] WATCHED = {Kind.LOAD_BALANCER, Kind.RDS_INSTANCE, Kind.AURORA_CLUSTER, Kind.AUTOSCALING_GROUP};

    @Override
    public void check(RuleContext ctx) {
        List<Resource> alarms = ctx.inScope(Kind.CLOUDWATCH_ALARM).stream().filter(a -> !a.format().isDiagram()).toList();
        Set<String> watched = new HashSet<>();
        Set<Model> withAlarms = new HashSet<>();
        Map<Model, Resource> unresolved = new HashMap<>();
        for (Resource alarm : alarms) {
            withAlarms.add(ctx.graph().modelOf(alarm));
            Setting enabled = Setting.of(alarm, "ActionsEnabled");
            boolean hasActions = !actions(alarm).isEmpty();
            if (enabled.boolOrDefault() == Tri.FALSE) {
                ctx.report(alarm, enabled.at(), Names.of(alarm) + " notifies no one: " + enabled.name() + " is " + enabled.shown(), List.of());
            } else if (!hasActions) {
                ctx.report(alarm, Names.of(alarm) + " notifies no one: it has no alarm action");
            } else {
                Model m = ctx.graph().modelOf(alarm);
                watched.addAll(Refs.targetIds(alarm.attributes()));
                if (watchesUnresolved(alarm)) {
                    unresolved.putIfAbsent(m, alarm);
                }
            }
        }
        Map<Model, List<Resource>> subjects = new LinkedHashMap<>();
        for (Resource r : ctx.inScope(WATCHED)) {
            if (!r.format().isDiagram() && !isClusterMember(r)) {
                subjects.computeIfAbsent(ctx.graph().modelOf(r), k -> new ArrayList<>()).add(r);
            }
        }
        for (Map.Entry<Model, List<Resource>> e : subjects.entrySet()) {
            Model m = e.getKey();
            List<Resource> unwatched = e.getValue().stream().filter(r -> !watched.contains(r.id())).toList();
            if (unwatched.isEmpty()) {
                continue;
            }
            if (!withAlarms.contains(m)) {
                Resource first = e.getValue().get(0);
                ctx.note(first, first.location(), "No CloudWatch alarm is defined in the scanned files for the "
                        + e.getValue().size() + " load balancers, databases and Auto Scaling groups of " + m.unit()
                        + "; alarms routed to operations need other evidence", List.of());
                continue;
            }
            Resource open = unresolved.get(m);
            for (Resource r : unwatched) {
                if (open != null) {
                    ctx.note(r, r.location(), Names.of(r) + ": cannot tell whether an alarm watches it: " + Names.of(open)
                            + " names what it watches by a value the files do not give", List.of());
                } else {
                    ctx.report(r, Names.of(r) + " has no CloudWatch alarm with an action watching it");
                }
            }
        }
    }

    /** An alarm whose dimensions (or metric queries) hold a value that is neither resolved nor a reference. */
    private static boolean watchesUnresolved(Resource alarm) {
        for (String k : new String[]{"Dimensions", "Metrics"}) {
            Setting s = Setting.of(alarm, k);
            if (s.present() && ValueWalker.standard().values(s.value())
                    .anyMatch(v -> (v instanceof Value.Unknown || v instanceof Value.Symbol) && Refs.targetIds(v).isEmpty())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isClusterMember(Resource r) {
        return r.kind() == Kind.RDS_INSTANCE && Setting.of(r, "DBClusterIdentifier").present();
    }

    private static List<Value> actions(Resource alarm) {
        List<Value> out = new ArrayList<>();
        for (String k : new String[]{"AlarmActions", "OKActions", "InsufficientDataActions"}) {
            out.addAll(Setting.of(alarm, k).items());
        }
        return out;
    }
}
