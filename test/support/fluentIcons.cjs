// jest.config.js maps @fluentui/react-icons here for the unit tests (fluentOnDemand.ts says why).
module.exports = require("./fluentOnDemand").iconsOnDemand();
