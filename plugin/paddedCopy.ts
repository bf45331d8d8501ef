import { discard, temporary } from './temporaryCopy.ts';

/**
 * Runs `use` on a temporary frame of `pad` size holding `copy` centred: a node thinner than
 * Riverflow takes (a 3000×300 shelf banner) is sent padded rather than squeezed under 300 px.
 * The pad is the node's own background colour where it has one (else transparent); the frame
 * goes before this returns. A section is padded by a section: Figma refuses a section inside a frame.
 */
export async function withPadding<T>(
  copy: SceneNode,
  background: SceneNode,
  pad: { width: number; height: number },
  use: (frame: FrameNode | SectionNode) => Promise<T>,
): Promise<T> {
  const frame = temporary(copy.type === 'SECTION' ? figma.createSection() : figma.createFrame());
  try {
    const fills = 'fills' in background && Array.isArray(background.fills) ? (background.fills as readonly Paint[]) : [];
    const solid = fills.find((f) => f.type === 'SOLID' && f.visible !== false);
    frame.fills = solid ? [solid] : [];
    if (frame.type === 'SECTION') frame.resizeWithoutConstraints(pad.width, pad.height);
    else {
      frame.clipsContent = true;
      frame.resize(pad.width, pad.height);
    }
    frame.appendChild(copy);
    copy.x = (pad.width - copy.width) / 2;
    copy.y = (pad.height - copy.height) / 2;
    return await use(frame);
  } finally {
    discard(frame);
  }
}
