use crate::common::TestEnv;
