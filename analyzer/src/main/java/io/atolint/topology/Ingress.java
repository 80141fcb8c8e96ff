package io.atolint.topology;

import io.atolint.model.Resource;

/**
 * Where traffic enters: an internet gateway, an internet-facing load balancer, CloudFront, API Gateway,
 * drawn users, clients and on-premises sites, VPN and Direct Connect connections.
 *
 * @param head whether paths start here (nothing in the files sends traffic to it)
 */
public record Ingress(Resource resource, String why, boolean head) {
}
