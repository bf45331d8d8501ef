import type { FakeHost } from '../fake-figma/figma.ts';
import type { LayerSpec } from '../fake-figma/layers.ts';
import type { Artwork } from '../fake-figma/nodes.ts';

const INTER_BOLD = { family: 'Inter', style: 'Bold' };
const INTER = { family: 'Inter', style: 'Regular' };
/** A font the playground's "machine" lacks, as a designer opening a file from a colleague may: its text is drawn into the image. */
export const MISSING_FONT = { family: 'Brand Sans', style: 'Regular' };

/** The playground's canvas: packaging-like frames, one with real text layers and one with a marked area. */
export const SAMPLES: { name: string; w: number; h: number; art: Artwork; layers?: LayerSpec[] }[] = [
  { name: 'Box front', w: 1152, h: 864, art: { background: '#efe6d2', accent: '#2f4f7f', title: 'Moss & Co.', subtitle: 'Herbal tea · 20 bags' } },
  { name: 'Label', w: 600, h: 800, art: { background: '#f6f1e7', accent: '#8a3b2e', title: 'No. 7', subtitle: 'Small batch hot sauce' } },
  { name: 'Poster 16:9', w: 1600, h: 900, art: { background: '#1f2a38', accent: '#e0a526', title: 'Summer Market', subtitle: 'Saturdays · 9–2' } },
  { name: 'Square tile', w: 800, h: 800, art: { background: '#dfeee6', accent: '#2d6a4f', title: 'Fresh', subtitle: 'Cold-pressed juice' } },
  { name: 'Banner 7:3', w: 1400, h: 600, art: { background: '#fbe9e7', accent: '#c2185b', title: 'Spring sale', subtitle: 'Up to 30% off' } },
  { name: 'Story 9:16', w: 720, h: 1280, art: { background: '#ede7f6', accent: '#5e35b1', title: 'New scent', subtitle: 'Lavender & cedar' } },
  // Real text layers: a price and an ingredients line (for "Keep text layers sharp").
  {
    name: 'Price tag',
    w: 1200,
    h: 900,
    art: { background: '#f3ead8', accent: '#2f6f4f', title: '' },
    layers: [
      { type: 'TEXT', name: 'Product', x: 80, y: 90, characters: 'Hibiscus & ginger', font: INTER_BOLD, fontSize: 64, color: '#1b1b1b' },
      { type: 'TEXT', name: 'Price', x: 80, y: 380, characters: '€4.99', font: INTER_BOLD, fontSize: 140, color: '#111111' },
      {
        type: 'TEXT',
        name: 'Ingredients',
        x: 80,
        y: 592,
        characters: 'Ingredients: water, hibiscus (12%), ginger, lemon juice',
        font: INTER,
        fontSize: 30,
        color: '#ffffff',
      },
      // Turned a quarter, as a line running up the side of a pack.
      { type: 'TEXT', name: 'Side label', x: 1140, y: 560, characters: 'Organic · Fairtrade', font: INTER, fontSize: 26, color: '#111111', rotation: 90 },
      { type: 'TEXT', name: 'Best before', x: 80, y: 700, characters: 'Best before 12/2027 · 330 ml', font: MISSING_FONT, fontSize: 26, color: '#333333' },
    ],
  },
  // A marked area: the ellipse a designer drew over the part to change (for "Edit only this area").
  {
    name: 'Pack shot',
    w: 1200,
    h: 900,
    art: { background: '#e7eef5', accent: '#c0392b', title: 'Pure Oat', subtitle: 'Barista edition · 1 L' },
    layers: [
      { type: 'ELLIPSE', name: 'Retouch area', x: 760, y: 120, width: 340, height: 300, color: '#ff2d55', opacity: 0.35 },
      { type: 'TEXT', name: 'Price', x: 820, y: 700, characters: '€2.49', font: INTER_BOLD, fontSize: 72, color: '#111111' },
    ],
  },
];

/**
 * The file as designers keep it, in a column left of the samples: a section holding two frames,
 * a component with an instance of it, and a shelf banner thinner than Riverflow's references may be.
 */
export function addRealFile(host: FakeHost, left = -3400): void {
  const top = 0;
  const section = host.addFrame('Packaging', { x: left, y: top, width: 2200, height: 1100 }, undefined, 'SECTION');
  section.fills = [{ type: 'SOLID', color: { r: 0.96, g: 0.96, b: 0.96 }, opacity: 1, visible: true } as SolidPaint];
  section.artwork = undefined;
  host.addFrame(
    'Box side',
    { x: 100, y: 100, width: 600, height: 864 },
    { background: '#efe6d2', accent: '#2f4f7f', title: 'Moss', subtitle: 'Side panel' },
    'FRAME',
    section,
  );
  host.addFrame(
    'Lid',
    { x: 800, y: 100, width: 864, height: 864 },
    { background: '#e9efe6', accent: '#2d6a4f', title: 'Moss', subtitle: 'Lid · 20 bags' },
    'FRAME',
    section,
  );
  const badge = host.addFrame(
    'Badge',
    { x: left, y: top + 1400, width: 600, height: 600 },
    { background: '#fff4d6', accent: '#c77d00', title: 'Organic', subtitle: 'Certified' },
    'COMPONENT',
  );
  host.addInstance(badge, 'Badge on shelf', { x: left + 800, y: top + 1400 });
  host.addFrame(
    'Shelf banner',
    { x: left, y: top + 2300, width: 3000, height: 300 },
    { background: '#203a43', accent: '#f4d35e', title: 'Fresh this week', subtitle: 'Teas · Juices · Oat' },
  );
}
