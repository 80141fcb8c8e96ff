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
import io.atolint.rule.Check;
import io.atolint.rule.Rule;
import io.atolint.rule.RuleContext;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * TV-5.3 wants alarms that reach the operations staff. An alarm without actions (or with actions
 * disabled) notifies no one: a finding on the alarm. When the files define alarms, every load
 * balancer, database and Auto Scaling group should be watched by one (its dimensions name it): one
 * that is not is a finding. When the files define no alarm at all, monitoring may live elsewhere: a
 * note per unit.
 */
@Rule(id = "MON003", title = "Load balancers, databases and Auto Scaling groups have alarms with actions",
        severity = Severity.LOW, tags = {"monitoring", "alarms"})
public final class AlarmsWithActions implements Check {
    static final Kind[] WATCHED = {Kind.LOAD_BALANCER, Kind.RDS_INSTANCE, Kind.AURORA_CLUSTER, Kind.AUTOSCALING_GROUP};

    @Override
    public void check(RuleContext ctx) {
        List<Resource> alarms = ctx.inScope(Kind.CLOUDWATCH_ALARM).stream().filter(a -> !a.format().isDiagram()).toList();
        Set<String> watched = new HashSet<>();
        for (Resource alarm : alarms) {
            Setting enabled = Setting.of(alarm, "ActionsEnabled");
            boolean hasActions = !actions(alarm).isEmpty();
            if (enabled.boolOrDefault() == Tri.FALSE) {
                ctx.report(alarm, enabled.at(), Names.of(alarm) + " notifies no one: " + enabled.name() + " is " + enabled.shown(), List.of());
            } else if (!hasActions) {
                ctx.report(alarm, Names.of(alarm) + " notifies no one: it has no alarm action");
            } else {
                watched.addAll(Refs.targetIds(alarm.attributes()));
            }
        }
        List<Resource> subjects = new ArrayList<>();
        for (Resource r : ctx.inScope(WATCHED)) {
            if (!r.format().isDiagram() && !isClusterMember(r)) {
                subjects.add(r);
            }
        }
        if (alarms.isEmpty()) {
            for (Model m : ctx.graph().models()) {
                List<Resource> here = subjects.stream().filter(s -> ctx.graph().modelOf(s) == m).toList();
                if (!here.isEmpty()) {
                    ctx.note(here.get(0), here.get(0).location(), "No CloudWatch alarm is defined in the scanned files for the "
                            + here.size() + " load balancers, databases and Auto Scaling groups of " + m.unit()
                            + "; alarms routed to operations need other evidence", List.of());
                }
            }
            return;
        }
        for (Resource r : subjects) {
            if (!watched.contains(r.id())) {
                ctx.report(r, Names.of(r) + " has no CloudWatch alarm with an action watching it");
            }
        }
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
