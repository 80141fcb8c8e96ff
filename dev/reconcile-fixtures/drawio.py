"""A small draw.io writer for the reconciliation fixtures: pages of AWS icons and groups, drawn with
absolute coordinates and written either nested (each cell's geometry relative to the container it is
given, as draw.io stores grouped shapes) or flat (every cell on the layer, containment by geometry only).
Cells are written one per line so that a finding's line is the cell's line; a marker given with a cell
is written as a comment on the line before it.
"""
from xml.sax.saxutils import quoteattr

ICON = ('sketch=0;outlineConnect=0;fontColor=#232F3E;gradientColor=none;strokeColor=#ffffff;dashed=0;'
        'verticalLabelPosition=bottom;verticalAlign=top;align=center;html=1;fontSize=12;fontStyle=0;aspect=fixed;'
        'shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.{0};fillColor={1};')
GLYPH = ('sketch=0;outlineConnect=0;fontColor=#232F3E;gradientColor=none;fillColor={1};strokeColor=none;dashed=0;'
         'verticalLabelPosition=bottom;verticalAlign=top;align=center;html=1;fontSize=12;fontStyle=0;aspect=fixed;'
         'pointerEvents=1;shape=mxgraph.aws4.{0};')
GROUP = ('points=[[0,0],[0.25,0],[0.5,0],[0.75,0],[1,0],[1,1],[0,1]];outlineConnect=0;gradientColor=none;html=1;'
         'whiteSpace=wrap;fontSize=12;fontStyle=0;container=1;pointerEvents=0;collapsible=0;recursiveResize=0;'
         'shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.{0};strokeColor={1};fillColor={2};verticalAlign=top;align=left;'
         'spacingLeft=30;fontColor={1};dashed={3};')
GROUPS = {
    'cloud': ('group_aws_cloud_alt', '#232F3E', 'none', 0),
    'region': ('group_region', '#00A4A6', 'none', 1),
    'vpc': ('group_vpc2', '#8C4FFF', 'none', 0),
    'az': ('group_availability_zone', '#545B64', 'none', 1),
    'public': ('group_security_group', '#7AA116', '#F2F6E8', 0),
    'private': ('group_security_group', '#00A4A6', '#E6F6F7', 0),
    'asg': ('group_auto_scaling_group', '#D86613', 'none', 1),
    'onprem': ('group_corporate_data_center', '#7D8998', 'none', 0),
}
AZ_DASHED = 'fillColor=none;strokeColor=#147EBA;dashed=1;verticalAlign=top;fontStyle=0;fontColor=#147EBA;whiteSpace=wrap;html=1;container=1;'
PLAIN = 'rounded=0;whiteSpace=wrap;html=1;fillColor=none;verticalAlign=top;align=left;'
TEXT = 'text;html=1;strokeColor=none;fillColor=none;align=center;verticalAlign=middle;whiteSpace=wrap;rounded=0;'
EDGE = 'edgeStyle=orthogonalEdgeStyle;rounded=0;orthogonalLoop=1;jettySize=auto;html=1;endArrow=classic;'
COLOURS = {'compute': '#ED7100', 'database': '#C925D1', 'network': '#8C4FFF', 'storage': '#7AA116',
           'integration': '#E7157B', 'security': '#DD344C'}


class Page:
    def __init__(self, name, nested=True):
        self.name = name
        self.nested = nested
        self.cells = []
        self.by_id = {}
        self.pending_marker = None

    def marker(self, text):
        """A fixture marker (e.g. 'Noncompliant@+1') written before the next cell."""
        self.pending_marker = text

    def _add(self, cell):
        cell['marker'] = self.pending_marker
        self.pending_marker = None
        self.cells.append(cell)
        self.by_id[cell['id']] = cell
        return cell['id']

    def vertex(self, cid, label, style, x, y, w, h, parent=None, fields=None):
        return self._add(dict(id=cid, label=label, style=style, x=x, y=y, w=w, h=h, parent=parent, fields=fields,
                              edge=False))

    def group(self, cid, label, kind, x, y, w, h, parent=None):
        return self.vertex(cid, label, GROUP.format(*GROUPS[kind]), x, y, w, h, parent)

    def az_box(self, cid, label, x, y, w, h, parent=None):
        return self.vertex(cid, label, AZ_DASHED, x, y, w, h, parent)

    def plain(self, cid, label, x, y, w, h, parent=None):
        return self.vertex(cid, label, PLAIN, x, y, w, h, parent)

    def text(self, cid, label, x, y, w=120, h=30, parent=None):
        return self.vertex(cid, label, TEXT, x, y, w, h, parent)

    def icon(self, cid, label, res, x, y, parent=None, colour='compute', fields=None):
        return self.vertex(cid, label, ICON.format(res, COLOURS[colour]), x, y, 48, 48, parent, fields)

    def glyph(self, cid, label, shape, x, y, parent=None, colour='network', fields=None):
        return self.vertex(cid, label, GLYPH.format(shape, COLOURS[colour]), x, y, 48, 48, parent, fields)

    def edge(self, cid, source, target, label=''):
        return self._add(dict(id=cid, label=label, source=source, target=target, edge=True, fields=None, parent=None))

    def _origin(self, parent):
        if not self.nested or parent is None:
            return 0, 0
        p = self.by_id[parent]
        return p['x'], p['y']

    def lines(self):
        out = []
        for c in self.cells:
            if c['marker']:
                out.append('<!-- %s -->' % c['marker'])
            if c['edge']:
                out.append('<mxCell id=%s value=%s style=%s edge="1" parent="1" source=%s target=%s><mxGeometry '
                           'relative="1" as="geometry" /></mxCell>' % (quoteattr(c['id']), quoteattr(c['label']),
                                                                      quoteattr(EDGE), quoteattr(c['source']),
                                                                      quoteattr(c['target'])))
                continue
            parent = c['parent'] if self.nested and c['parent'] else '1'
            ox, oy = self._origin(c['parent'])
            geo = '<mxGeometry x="%s" y="%s" width="%s" height="%s" as="geometry" />' % (
                c['x'] - ox, c['y'] - oy, c['w'], c['h'])
            if c['fields']:
                attrs = ' '.join('%s=%s' % (k, quoteattr(v)) for k, v in c['fields'].items())
                out.append('<UserObject label=%s id=%s %s><mxCell style=%s vertex="1" parent=%s>%s</mxCell></UserObject>'
                           % (quoteattr(c['label']), quoteattr(c['id']), attrs, quoteattr(c['style']),
                              quoteattr(parent), geo))
            else:
                out.append('<mxCell id=%s value=%s style=%s vertex="1" parent=%s>%s</mxCell>'
                           % (quoteattr(c['id']), quoteattr(c['label']), quoteattr(c['style']), quoteattr(parent), geo))
        return out


def write(path, pages):
    out = ['<mxfile host="atolint-fixtures" version="24.0.0">']
    for i, p in enumerate(pages):
        out.append('<diagram id="p%d" name=%s>' % (i + 1, quoteattr(p.name)))
        out.append('<mxGraphModel dx="1000" dy="800" grid="1" gridSize="10" page="1" pageWidth="1100" pageHeight="850">')
        out.append('<root>')
        out.append('<mxCell id="0" />')
        out.append('<mxCell id="1" parent="0" />')
        out.extend(p.lines())
        out.append('</root>')
        out.append('</mxGraphModel>')
        out.append('</diagram>')
    out.append('</mxfile>')
    with open(path, 'w') as f:
        f.write('\n'.join(out) + '\n')
