// Copyright 2025 PingCAP, Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//	http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// See the License for the specific language governing permissions and
// limitations under the License.

package main

// With (*Parser).SetMariaDB(true) the parser supports keywords that we need
// in DM. But as we don't enable this for TiDB we exclude these additional
// keywords from `information_schema`.`keywords` by filtering them here.
var keywordsMariaDB = []string{
	"MONITOR",
}
