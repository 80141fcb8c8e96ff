package io.atolint.parse.terraform;

import io.atolint.model.SourceLocation;
import io.atolint.model.Value;
import io.atolint.parse.terraform.RegistryModules.Modelled;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code vpn-gateway} module: the VPN connection. */
final class VpnGatewayModule extends ModelledCall {
    VpnGatewayModule(TerraformRun run, ModuleInstance parent, ModuleConfig.Decl decl, ModuleInstance.Instance instance,
                     SourceLocation at) {
        super(run, parent, decl, instance, at);
    }

    Modelled vpnGateway() {
        Map<String, Value> vpn = new LinkedHashMap<>();
        in("vpn_connection_static_routes_only").ifPresent(v -> vpn.put("static_routes_only", v));
        Value.Ref ref = add("aws_vpn_connection", "default", 0, vpn, passThrough(vpn, Map.of()), "customer_gateway_id");
        return new Modelled("vpn-gateway", Map.of("vpn_connection_id", new Value.Ref(ref.targetId(), "id", ref.location())));
    }
}
