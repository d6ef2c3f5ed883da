export {
  type MispEvent,
  mispEvent,
  partyName,
  RESPONSE_TEMPLATE_UUID,
  THREAT_ACTOR_GALAXY_UUID,
} from "./event.ts";
export { countryCode, type GalaxyContents, readGalaxyCluster, readGalaxyClusterValue } from "./galaxy.ts";
