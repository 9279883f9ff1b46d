# What each sample scores (extra credit included) and exactly which checks it fails; `reasons` may say how a
# failing check's reason starts, in English. `coursekit lab check` grades every sample and holds it to this.

# Counts in a field: right on one server, invisible to the other.
local-count:
  score: 10
  failing: [shared-across-servers]
