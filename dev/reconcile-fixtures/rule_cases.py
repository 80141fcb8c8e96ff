def main(case, Page, cfn_network, draw_network):
    pass
